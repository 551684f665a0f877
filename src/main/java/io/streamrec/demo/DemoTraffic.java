package io.streamrec.demo;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.events.AvroSerdes;
import io.streamrec.topology.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Synthetic shop traffic with planted tastes: user {@code demo-user-<n>} likes two of the ten
 * categories and mostly browses and buys items ({@code demo-item-<n>}) from them, so the
 * recommendations it learns can be checked by eye.
 */
public final class DemoTraffic implements AutoCloseable {
    static final List<String> CATEGORIES = List.of("books", "music", "garden", "kitchen", "sports", "toys",
            "games", "outdoor", "fashion", "tech");
    private static final double TASTE_SHARE = 0.85;

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final int users;
    private final int items;
    private final double eventsPerSecond;
    private final Random random;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    public DemoTraffic(String bootstrapServers, Topics topics, int users, int items, double eventsPerSecond, long seed) {
        if (users <= 0 || items < CATEGORIES.size() || !(eventsPerSecond > 0)) {
            throw new IllegalArgumentException("demo needs users > 0, items >= " + CATEGORIES.size() + ", rate > 0");
        }
        // Not idempotent: on a loaded machine the broker answered a retried first batch with
        // OutOfOrderSequenceException again and again, and the traffic stalled for good. A resent
        // synthetic event or catalogue entry (compacted) is harmless.
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "linger.ms", 5,
                "enable.idempotence", false), new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.users = users;
        this.items = items;
        this.eventsPerSecond = eventsPerSecond;
        this.random = new Random(seed);
    }

    public static String user(int n) {
        return "demo-user-" + n;
    }

    public static String item(int n) {
        return "demo-item-" + n;
    }

    /** The category of demo item n. */
    public static String category(int item) {
        return CATEGORIES.get(item % CATEGORIES.size());
    }

    /** The price of demo item n: 5.00 to 99.00, spread over the catalogue so price rules have something to cut. */
    public static double price(int item) {
        return 5 + (item * 37) % 95;
    }

    /** The two categories demo user n mostly shops in. */
    public static List<String> tastes(int user) {
        return List.of(CATEGORIES.get(user % CATEGORIES.size()), CATEGORIES.get((user * 7 + 3) % CATEGORIES.size()));
    }

    /** Publishes the catalogue, then events at the configured rate on a background thread. */
    public DemoTraffic start() {
        for (int i = 0; i < items; i++) {
            Item item = Item.newBuilder().setId(item(i)).setTitle("Demo " + category(i) + " item " + i)
                    .setCategories(List.of(category(i))).setAvailable(true).setPrice(price(i)).build();
            producer.send(new ProducerRecord<>(topics.items(), item(i), AvroSerdes.ITEM.encode(item)));
        }
        producer.flush();
        thread = new Thread(this::run, "demo-traffic");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public long eventsSent() {
        return sent.get();
    }

    private void run() {
        long intervalNanos = (long) (1e9 / eventsPerSecond);
        long next = System.nanoTime();
        while (running) {
            publish(nextEvent());
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Interaction nextEvent() {
        int user = random.nextInt(users);
        int item;
        if (random.nextDouble() < TASTE_SHARE) {
            String category = tastes(user).get(random.nextInt(2));
            int offset = CATEGORIES.indexOf(category);
            int perCategory = (items - offset + CATEGORIES.size() - 1) / CATEGORIES.size();
            item = offset + CATEGORIES.size() * random.nextInt(perCategory);
        } else {
            item = random.nextInt(items);
        }
        double roll = random.nextDouble();
        EventType type = roll < 0.60 ? EventType.VIEW : roll < 0.85 ? EventType.CLICK
                : roll < 0.96 ? EventType.ADD_TO_CART : EventType.PURCHASE;
        return Interaction.newBuilder().setUser(user(user)).setItem(item(item)).setType(type)
                .setTimestamp(Instant.now()).build();
    }

    private void publish(Interaction event) {
        producer.send(new ProducerRecord<>(topics.interactions(), event.getUser(), AvroSerdes.INTERACTION.encode(event)));
        sent.incrementAndGet();
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        producer.close();
    }
}
