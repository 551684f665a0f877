package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.processor.internals.DefaultStreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class RouteCacheTest {
    private static final int PARTITIONS = 6;
    private static final HostInfo A = new HostInfo("a", 1);
    private static final HostInfo B = new HostInfo("b", 2);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong clock = new AtomicLong();
    private final List<String> asked = new ArrayList<>();
    private HostInfo owner = A;
    /** What Kafka Streams does: the partitioner is given the partition count, the partition comes from it. */
    private final RouteCache cache = new RouteCache((store, key, partitioner) -> {
        asked.add(key);
        Optional<Set<Integer>> partitions = partitioner.partitions("interactions", key, null, PARTITIONS);
        return new KeyQueryMetadata(owner, Set.of(B), partitions.orElseThrow().iterator().next());
    }, running::get, clock::get);

    @Test
    void partitionsAreKafkaStreamsDefaultPartitions() {
        DefaultStreamPartitioner<String, Object> streams = new DefaultStreamPartitioner<>(new StringSerializer());
        for (int i = 0; i < 2_000; i++) {
            String key = "user-" + i * 7919 + (i % 3 == 0 ? "-é日本" : "");
            assertThat(RouteCache.partition(key, PARTITIONS))
                    .isEqualTo(streams.partitions("t", key, null, PARTITIONS).orElseThrow().iterator().next());
        }
    }

    @Test
    void keysOfAKnownPartitionAreRoutedWithoutAskingAgain() {
        String first = keyIn(2, 0);
        String second = keyIn(2, 1);
        assertThat(cache.metadata("s", first).activeHost()).isEqualTo(A);
        KeyQueryMetadata again = cache.metadata("s", second);
        assertThat(again.partition()).isEqualTo(2);
        assertThat(again.standbyHosts()).containsExactly(B);
        assertThat(asked).containsExactly(first);
        cache.metadata("s", keyIn(3, 0));
        assertThat(asked).hasSize(2);
    }

    @Test
    void routesAreAskedAfreshWhenOldForgottenOrWhileNotRunning() {
        String key = keyIn(1, 0);
        cache.metadata("s", key);
        owner = B;
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(RouteCache.MAX_AGE_MS) + 1);
        assertThat(cache.metadata("s", key).activeHost()).as("older than the maximum age").isEqualTo(B);

        owner = A;
        cache.forget("s");
        assertThat(cache.metadata("s", key).activeHost()).as("forgotten after a failed answer").isEqualTo(A);

        running.set(false);
        owner = B;
        assertThat(cache.metadata("s", key).activeHost()).as("rebalancing").isEqualTo(B);
        assertThat(cache.metadata("s", key).activeHost()).isEqualTo(B);
        assertThat(asked).hasSize(5);
    }

    private static String keyIn(int partition, int nth) {
        int found = 0;
        for (int i = 0; ; i++) {
            String key = "u" + i;
            if (RouteCache.partition(key, PARTITIONS) == partition && found++ == nth) {
                return key;
            }
        }
    }
}
