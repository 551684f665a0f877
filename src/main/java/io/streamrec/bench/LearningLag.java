package io.streamrec.bench;

import io.streamrec.avro.UserState;
import io.streamrec.stores.StoreNames;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Event to learned state, apart from event to list: for a sample of the events sent (one per
 * {@link #SAMPLE_EVERY_MS}), the time from sending until the user's {@code user-state} (read by
 * interactive query, so before its transaction commits) names that event's offset or a later one
 * of the same partition. A partition's events are learned in offset order, so only the oldest
 * unlearned sample of each partition is queried; the ones behind it that are found learned at the
 * same look are given the same time (at most {@link #POLL_MS} late).
 */
final class LearningLag implements EventGenerator.Acknowledged, AutoCloseable {
    static final long SAMPLE_EVERY_MS = 20;
    static final long POLL_MS = 5;

    private record Sent(String user, long offset, long sentAtMs) {}

    private final KafkaStreams streams;
    private final Map<Integer, Queue<Sent>> pending = new ConcurrentHashMap<>();
    private final Samples all = new Samples();
    private final AtomicLong lastSampleMs = new AtomicLong();
    /** The longest time between two looks: the resolution the figures really had. */
    private volatile long longestLookGapMs;
    private final Thread thread;
    private volatile long countFromMs = Long.MAX_VALUE;
    private volatile boolean stopped;

    LearningLag(KafkaStreams streams) {
        this.streams = streams;
        this.thread = new Thread(this::run, "bench-learning-lag");
        thread.setDaemon(true);
        thread.start();
    }

    /** Events sent before this moment (warm-up) are not sampled. */
    void countFrom(long epochMs) {
        countFromMs = epochMs;
    }

    @Override
    public void acknowledged(String user, long sentAtMs, RecordMetadata where) {
        long last = lastSampleMs.get();
        if (sentAtMs >= countFromMs && sentAtMs - last >= SAMPLE_EVERY_MS && lastSampleMs.compareAndSet(last, sentAtMs)) {
            pending.computeIfAbsent(where.partition(), p -> new ConcurrentLinkedQueue<>())
                    .add(new Sent(user, where.offset(), sentAtMs));
        }
    }

    private void run() {
        ReadOnlyKeyValueStore<String, UserState> users = null;
        long lastLook = System.currentTimeMillis();
        while (!stopped) {
            long look = System.currentTimeMillis();
            longestLookGapMs = Math.max(longestLookGapMs, look - lastLook);
            lastLook = look;
            try {
                if (users == null) {
                    users = streams.store(StoreQueryParameters.fromNameAndType(StoreNames.USER_STATE,
                            QueryableStoreTypes.<String, UserState>keyValueStore()));
                }
                long now = System.currentTimeMillis();
                for (Map.Entry<Integer, Queue<Sent>> partition : pending.entrySet()) {
                    Queue<Sent> queue = partition.getValue();
                    for (Sent oldest = queue.peek(); oldest != null && learned(users.get(oldest.user()),
                            partition.getKey(), oldest.offset()); oldest = queue.peek()) {
                        all.add(Math.max(0, now - oldest.sentAtMs()) * 1000);
                        queue.poll();
                    }
                }
            } catch (InvalidStateStoreException | IllegalStateException e) {
                // Not queryable yet, the store moved (rebalance) or the app is stopping: look it up again.
                users = null;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean learned(UserState state, int partition, long offset) {
        return state != null && state.getLastEventPartition() == partition && state.getLastEventOffset() >= offset;
    }

    Samples all() {
        return all;
    }

    /** How long ago the oldest sample not learned yet was sent, in ms; 0 when every sample was learned. */
    long oldestUnlearnedAgeMs() {
        long now = System.currentTimeMillis();
        return pending.values().stream().map(Queue::peek).filter(Objects::nonNull)
                .mapToLong(sent -> now - sent.sentAtMs()).max().orElse(0);
    }

    long longestLookGapMs() {
        return longestLookGapMs;
    }

    /** Samples sent but not learned yet. */
    long unlearned() {
        return pending.values().stream().mapToLong(Queue::size).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
    }
}
