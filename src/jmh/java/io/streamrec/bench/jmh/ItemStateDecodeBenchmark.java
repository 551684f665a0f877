package io.streamrec.bench.jmh;

import io.streamrec.avro.ItemVector;
import io.streamrec.avro.Neighbour;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one item's stored state (`item-state` and its changelog), as the item side does for
 * every publication and every instance's index for every changed item: the product's serde
 * against Avro's single-object message decoder. The record is the bench's steady state: a
 * 32-dimension vector and a full neighbour list of ids shaped as {@code bench load}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ItemStateDecodeBenchmark {
    @Param({"200"})
    int neighbours;

    byte[] bytes;
    BinaryMessageDecoder<ItemVector> avroDecoder;

    @Setup
    public void setUp() {
        List<Neighbour> list = new ArrayList<>(neighbours);
        for (int i = 0; i < neighbours; i++) {
            list.add(new Neighbour("item-" + (i * 37 % 10_000), 1f / (i + 1)));
        }
        ItemVector state = ItemVector.newBuilder().setVector(ByteBuffer.allocate(32 * Float.BYTES))
                .setDistinctUsers(1_000).setPopularity(12.5).setPopularityTimestamp(1_700_000_000_000L)
                .setNeighbours(list).build();
        bytes = AvroSerdes.ITEM_VECTOR.encode(state);
        avroDecoder = new BinaryMessageDecoder<>(SpecificData.getForClass(ItemVector.class),
                ItemVector.getClassSchema());
    }

    @Benchmark
    public ItemVector serde() throws IOException {
        return AvroSerdes.ITEM_VECTOR.decode(bytes);
    }

    @Benchmark
    public ItemVector avroMessageDecoder() throws IOException {
        return avroDecoder.decode(bytes);
    }
}
