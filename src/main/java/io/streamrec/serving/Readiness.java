package io.streamrec.serving;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Whether this instance can answer from up-to-date state: Kafka Streams RUNNING (not
 * rebalancing) and no store being restored from its changelog. Streams reports RUNNING while
 * a moved task still restores, so the restorations are tracked here through the restore
 * listener, which must be installed before the streams start.
 */
public final class Readiness implements StateRestoreListener {
    private final KafkaStreams streams;
    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    private Readiness(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Watches {@code streams}' restorations; call before {@link KafkaStreams#start()}. */
    public static Readiness watch(KafkaStreams streams) {
        Readiness readiness = new Readiness(streams);
        streams.setGlobalStateRestoreListener(readiness);
        return readiness;
    }

    /** Alive: the streams are starting, running or rebalancing; any other state needs a restart. */
    public boolean live() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.CREATED || state.isRunningOrRebalancing();
    }

    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING && restoring.isEmpty();
    }

    public KafkaStreams.State state() {
        return streams.state();
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
