package io.streamrec.bench;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.events.AvroSerdes;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes Avro interactions to `interactions` at a fixed rate (or flat out): the
 * {@link SyntheticEvents} sequence of {@link SyntheticEvents#LOAD_SEED}, key = user, timestamp =
 * the moment of sending, so the consumer of `recommendations` can tell how old the newest event
 * behind a list is. Seeded, so runs are repeatable.
 */
final class EventGenerator implements AutoCloseable {
    /** Flat out, the generator stays at most this many events ahead of the app, so lag measures the app. */
    static final long MAX_AHEAD = 200_000;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Rate rate;
    private final SyntheticEvents events;
    private final LongSupplier processed;
    private final Acknowledged acknowledged;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    /** Told of every event the broker acknowledged, from the producer's I/O thread: must be quick. */
    interface Acknowledged {
        void acknowledged(String user, long sentAtMs, RecordMetadata where);
    }

    EventGenerator(String bootstrapServers, String topic, Rate rate, int users, int items, LongSupplier processed) {
        this(bootstrapServers, topic, rate, users, items, processed, (user, sentAtMs, where) -> { });
    }

    EventGenerator(String bootstrapServers, String topic, Rate rate, int users, int items, LongSupplier processed,
                   Acknowledged acknowledged) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, "131072",
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.rate = rate;
        this.events = new SyntheticEvents(users, items, SyntheticEvents.LOAD_SEED);
        this.processed = processed;
        this.acknowledged = acknowledged;
        this.thread = new Thread(this::run, "bench-event-generator");
        thread.setDaemon(true);
    }

    EventGenerator start() {
        thread.start();
        return this;
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    /** Publishes one event per user, in user order: gives every user a list before a lookup benchmark. */
    void seedEveryUser() {
        SplittableRandom random = new SplittableRandom(7);
        for (String user : events.users()) {
            send(user, events.anyItem(random), EventType.CLICK);
        }
        producer.flush();
    }

    private void run() {
        long start = System.nanoTime();
        while (!stopped) {
            long due = rate.isMax() ? sent.get() + 1000 : rate.dueBy(System.nanoTime() - start);
            if (rate.isMax() && sent.get() - processed.getAsLong() > MAX_AHEAD) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            while (sent.get() < due && !stopped) {
                SyntheticEvents.Event event = events.next();
                send(event.user(), event.item(), event.type());
            }
            if (!rate.isMax()) {
                LockSupport.parkNanos(200_000);
            }
        }
    }

    private void send(String user, String item, EventType type) {
        long now = System.currentTimeMillis();
        Interaction event = Interaction.newBuilder().setUser(user).setItem(item).setType(type)
                .setTimestamp(Instant.ofEpochMilli(now)).build();
        producer.send(new ProducerRecord<>(topic, user, AvroSerdes.INTERACTION.encode(event)), (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            } else {
                acknowledged.acknowledged(user, now, metadata);
            }
        });
        sent.incrementAndGet();
    }

    /** Stops sending and waits until everything sent is acknowledged. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
        producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        producer.close();
    }
}
