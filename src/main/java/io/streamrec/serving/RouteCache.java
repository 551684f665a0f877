package io.streamrec.serving;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where each partition of a store lives (active host, standbys), as Kafka Streams last said,
 * kept per partition for at most {@link #MAX_AGE_MS}: {@code KafkaStreams.queryMetadataForKey}
 * copies host and partition sets under a lock on every call, which every lookup would pay. The
 * partition of a key is computed as Kafka Streams' default partitioner computes it, over the
 * partition count Kafka Streams itself passes to the partitioner, and checked against the
 * partition Kafka Streams answered on every miss.
 *
 * <p>Routes are only kept while the client is RUNNING, and are dropped by the router whenever
 * an answer from them fails, so a rebalance leaves at most {@link #MAX_AGE_MS} of lookups asked
 * at a copy's old place. That never serves a wrong owner's data unmarked: Kafka Streams refuses
 * to read a local copy as active unless it is, the instance relayed to checks the same, and the
 * router falls back to standby copies marked stale, or waits for the move, as it does when
 * ownership moves just after an uncached lookup.
 */
final class RouteCache {
    static final long MAX_AGE_MS = 1_000;

    /** Kafka Streams' answer for a key, with the partitioner it should ask for the key's partition. */
    @FunctionalInterface
    interface Lookup {
        KeyQueryMetadata metadata(String store, String key, StreamPartitioner<String, Object> partitioner);
    }

    private record Routes(long bornNanos, int partitions, AtomicReferenceArray<KeyQueryMetadata> byPartition) {}

    private final Lookup lookup;
    private final BooleanSupplier running;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Routes> byStore = new ConcurrentHashMap<>();

    RouteCache(Lookup lookup, BooleanSupplier running, LongSupplier nanoClock) {
        this.lookup = lookup;
        this.running = running;
        this.nanoClock = nanoClock;
    }

    /** Kafka Streams' metadata for the key (or null, or NOT_AVAILABLE, as it answers), cached when it can be. */
    KeyQueryMetadata metadata(String store, String key) {
        long now = nanoClock.getAsLong();
        Routes routes = byStore.get(store);
        boolean fresh = routes != null && now - routes.bornNanos() <= TimeUnit.MILLISECONDS.toNanos(MAX_AGE_MS)
                && running.getAsBoolean();
        if (fresh) {
            KeyQueryMetadata known = routes.byPartition().get(partition(key, routes.partitions()));
            if (known != null) {
                return known;
            }
        }
        CountingPartitioner partitioner = new CountingPartitioner();
        KeyQueryMetadata metadata = lookup.metadata(store, key, partitioner);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || partitioner.partitions <= 0
                || metadata.partition() != partition(key, partitioner.partitions) || !running.getAsBoolean()) {
            return metadata;
        }
        if (!fresh || routes.partitions() != partitioner.partitions) {
            routes = new Routes(now, partitioner.partitions, new AtomicReferenceArray<>(partitioner.partitions));
            byStore.put(store, routes);
        }
        routes.byPartition().set(metadata.partition(), metadata);
        return metadata;
    }

    /** Drops what is known of the store's routes: an answer from them failed, so they may have moved. */
    void forget(String store) {
        byStore.remove(store);
    }

    /** Kafka Streams' default partitioner for a string key (its UTF-8 bytes, murmur2). */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The default partitioner, remembering the partition count Kafka Streams gave it. */
    private static final class CountingPartitioner implements StreamPartitioner<String, Object> {
        private int partitions;

        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
            partitions = numPartitions;
            return Optional.of(Set.of(partition(key, numPartitions)));
        }
    }
}
