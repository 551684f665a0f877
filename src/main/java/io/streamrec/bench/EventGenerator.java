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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes Avro interactions to `interactions` at a fixed rate (or flat out) over {@code users}
 * users and {@code items} items, key = user, timestamp = the moment of sending, so the consumer
 * of `recommendations` can tell how old the newest event behind a list is. Users are uniform;
 * item popularity is skewed (item = items * r^2: the top 10% of items draw ~32% of events);
 * 70% views, 20% clicks, 8% add-to-carts, 2% purchases. Seeded, so runs are repeatable.
 */
final class EventGenerator implements AutoCloseable {
    /** Flat out, the generator stays at most this many events ahead of the app, so lag measures the app. */
    static final long MAX_AHEAD = 200_000;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Rate rate;
    private final String[] users;
    private final String[] items;
    private final LongSupplier processed;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    EventGenerator(String bootstrapServers, String topic, Rate rate, int users, int items, LongSupplier processed) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, "131072",
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.rate = rate;
        this.users = ids(BenchIds.USER_PREFIX, users);
        this.items = ids(BenchIds.ITEM_PREFIX, items);
        this.processed = processed;
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
        for (String user : users) {
            send(user, items[random.nextInt(items.length)], EventType.CLICK);
        }
        producer.flush();
    }

    private void run() {
        SplittableRandom random = new SplittableRandom(42);
        long start = System.nanoTime();
        while (!stopped) {
            long due = rate.isMax() ? sent.get() + 1000 : rate.dueBy(System.nanoTime() - start);
            if (rate.isMax() && sent.get() - processed.getAsLong() > MAX_AHEAD) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            while (sent.get() < due && !stopped) {
                double r = random.nextDouble();
                send(users[random.nextInt(users.length)], items[(int) (items.length * r * r)], type(random.nextInt(100)));
            }
            if (!rate.isMax()) {
                LockSupport.parkNanos(200_000);
            }
        }
    }

    private void send(String user, String item, EventType type) {
        Interaction event = Interaction.newBuilder().setUser(user).setItem(item).setType(type)
                .setTimestamp(Instant.ofEpochMilli(System.currentTimeMillis())).build();
        producer.send(new ProducerRecord<>(topic, user, AvroSerdes.INTERACTION.encode(event)), (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
        });
        sent.incrementAndGet();
    }

    private static EventType type(int percent) {
        return percent < 70 ? EventType.VIEW : percent < 90 ? EventType.CLICK
                : percent < 98 ? EventType.ADD_TO_CART : EventType.PURCHASE;
    }

    private static String[] ids(String prefix, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = prefix + i;
        }
        return ids;
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
