package io.streamrec.topology;

import io.streamrec.avro.ItemVector;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.RejectedEvent;
import io.streamrec.events.AvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The two Kafka Streams clients an instance runs, each under a TopologyTestDriver of its own, with
 * the topics tests write and read. The test carries what the broker carries in production: item
 * deltas from the user side to the item side, the item-state changelog back. Fields, not getters: a fixture.
 */
public final class ClientDrivers implements AutoCloseable {
    public final TopologyTestDriver userSide;
    public final TopologyTestDriver itemSide;
    public final TestInputTopic<byte[], byte[]> interactions;
    public final TestInputTopic<byte[], byte[]> items;
    public final TestOutputTopic<String, OwedDeltas> deltasOut;
    public final TestInputTopic<String, OwedDeltas> deltasIn;
    public final TestOutputTopic<String, ItemVector> vectorsOut;
    public final TestInputTopic<String, ItemVector> vectorsIn;
    public final TestOutputTopic<String, Recommendations> recommendations;
    public final TestOutputTopic<byte[], RejectedEvent> itemSideRejected;

    /** Each side under the application id {@code topics} names for it. */
    public ClientDrivers(Topology userTopology, Topology itemTopology, Topics topics, Instant start) {
        userSide = new TopologyTestDriver(userTopology, DriverSettings.properties(topics.applicationId()), start);
        itemSide = new TopologyTestDriver(itemTopology, DriverSettings.properties(topics.itemSideApplicationId()),
                start);
        interactions = userSide.createInputTopic(topics.interactions(), new ByteArraySerializer(),
                new ByteArraySerializer());
        deltasOut = userSide.createOutputTopic(topics.itemDeltas(), new StringDeserializer(),
                AvroSerdes.OWED_DELTAS.deserializer());
        vectorsIn = userSide.createInputTopic(topics.itemState(), new StringSerializer(),
                AvroSerdes.ITEM_VECTOR.serializer());
        recommendations = userSide.createOutputTopic(topics.recommendations(), new StringDeserializer(),
                AvroSerdes.RECOMMENDATIONS.deserializer());
        items = itemSide.createInputTopic(topics.items(), new ByteArraySerializer(), new ByteArraySerializer());
        deltasIn = itemSide.createInputTopic(topics.itemDeltas(), new StringSerializer(),
                AvroSerdes.OWED_DELTAS.serializer());
        vectorsOut = itemSide.createOutputTopic(topics.itemState(), new StringDeserializer(),
                AvroSerdes.ITEM_VECTOR.deserializer());
        itemSideRejected = itemSide.createOutputTopic(topics.rejected(), new ByteArrayDeserializer(),
                AvroSerdes.REJECTED.deserializer());
    }

    /** The item side's wall clock moved by {@code after}; what it published then reaches the user side's index. */
    public List<KeyValue<String, ItemVector>> carryItemVectors(Duration after) {
        itemSide.advanceWallClockTime(after);
        List<KeyValue<String, ItemVector>> vectors = vectorsOut.readKeyValuesToList();
        vectorsIn.pipeKeyValueList(vectors);
        return vectors;
    }

    @Override
    public void close() {
        userSide.close();
        itemSide.close();
    }
}
