package io.streamrec.serving;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Whether this instance can answer from up-to-date state: the user side's Kafka Streams client
 * RUNNING (not rebalancing) and none of its stores being restored from a changelog. Streams
 * reports RUNNING while a moved task still restores, so the restorations are tracked here
 * through the restore listener, which must be installed before the streams start. The item
 * side's client serves no lookups, so it counts for liveness only.
 */
public final class Readiness implements StateRestoreListener {
    private final KafkaStreams streams;
    private final KafkaStreams itemStreams;
    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    private Readiness(KafkaStreams streams, KafkaStreams itemStreams) {
        this.streams = streams;
        this.itemStreams = itemStreams;
    }

    /**
     * Watches the user side's restorations; call before {@link KafkaStreams#start()}.
     *
     * @param streams the user side's client, whose stores answer lookups
     * @param itemStreams the item side's client
     */
    public static Readiness watch(KafkaStreams streams, KafkaStreams itemStreams) {
        Readiness readiness = new Readiness(streams, itemStreams);
        streams.setGlobalStateRestoreListener(readiness);
        return readiness;
    }

    /** Alive: both sides starting, running or rebalancing; any other state needs a restart. */
    public boolean live() {
        return live(streams.state()) && live(itemStreams.state());
    }

    private static boolean live(KafkaStreams.State state) {
        return state == KafkaStreams.State.CREATED || state.isRunningOrRebalancing();
    }

    /** Processing: both sides running or rebalancing. */
    public boolean processing() {
        return streams.state().isRunningOrRebalancing() && itemStreams.state().isRunningOrRebalancing();
    }

    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING && restoring.isEmpty();
    }

    /** The user side's state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams.State itemSideState() {
        return itemStreams.state();
    }

    /** Store partitions being restored now, e.g. "user-state@interactions-2". */
    public int restoringPartitions() {
        return restoring.size();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restoring.add(store + "@" + partition);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        // progress within a restoration changes nothing about readiness
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(store + "@" + partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        // The task moved away mid-restore: it no longer keeps this instance from being ready.
        restoring.remove(store + "@" + partition);
    }
}
