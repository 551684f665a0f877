package io.streamrec.it;

import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.Reliability.Latest;
import io.streamrec.stores.StoreNames;
import io.streamrec.topology.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A steady stream of events to `interactions` for a numbered population of users, keeping what
 * each user was sent, and the tally of what exactly-once processing made of it: every user's
 * event count in the user-state changelog against what the user was sent. The producer is
 * idempotent with acks=all, so it neither loses nor duplicates what it is given, and it rides
 * out a broker that is away for less than its delivery timeout.
 */
final class SteadyEvents {
    private static final EventType[] TYPES = {EventType.VIEW, EventType.VIEW, EventType.CLICK,
            EventType.ADD_TO_CART, EventType.VIEW, EventType.CLICK, EventType.VIEW, EventType.CLICK, EventType.VIEW,
            EventType.PURCHASE};

    private final String bootstrapServers;
    private final Topics topics;
    private final String userPrefix;
    private final int items;
    private final long[] sent;
    private final Random random = new Random(42);
    private final AtomicInteger produced = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** Users {@code userPrefix}0..users-1, each event on one of items 0..items-1. */
    SteadyEvents(String bootstrapServers, Topics topics, String userPrefix, int users, int items) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.userPrefix = userPrefix;
        this.items = items;
        this.sent = new long[users];
    }

    String user(int u) {
        return userPrefix + u;
    }

    int users() {
        return sent.length;
    }

    /** Events acknowledged by the broker so far, in steps of a batch. */
    int produced() {
        return produced.get();
    }

    /**
     * Publishes {@code events} at a steady pace over {@code duration}, users drawn at random, and
     * returns once the broker acknowledged them all. Read the counts only after it returned.
     *
     * @throws AssertionError when the producer could not publish one of them
     */
    void produce(int events, Duration duration) {
        long start = System.nanoTime();
        int batch = 100;
        try (KafkaProducer<String, byte[]> producer = idempotentProducer(bootstrapServers)) {
            for (int i = 0; i < events; i++) {
                int u = random.nextInt(sent.length);
                sent[u]++;
                Interaction event = interaction(user(u), item(random.nextInt(items)),
                        TYPES[random.nextInt(TYPES.length)]);
                producer.send(new ProducerRecord<>(topics.interactions(), event.getUser(),
                        AvroSerdes.INTERACTION.encode(event)), (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                if ((i + 1) % batch == 0) {
                    producer.flush();
                    produced.set(i + 1);
                    long ahead = start + duration.toNanos() * (i + 1) / events - System.nanoTime();
                    if (ahead > 0) {
                        Reliability.sleep(ahead / 1_000_000);
                    }
                }
            }
            producer.flush();
            produced.set(events);
        }
        if (failure.get() != null) {
            throw new AssertionError("the idempotent producer failed to publish", failure.get());
        }
    }

    /** Idempotent, acks=all: the producer itself neither loses nor duplicates what it is given. */
    static KafkaProducer<String, byte[]> idempotentProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1048576"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** What the user-state changelog holds of the events sent: applied, lost and applied twice. */
    record Tally(long sent, long applied, long lost, long duplicated) {
        boolean exact() {
            return lost == 0 && duplicated == 0;
        }

        Tally plus(Tally other) {
            return new Tally(sent + other.sent, applied + other.applied, lost + other.lost,
                    duplicated + other.duplicated);
        }
    }

    /**
     * Reads the user-state changelog of {@code applicationId} (read_committed) until every event
     * sent is applied exactly, or {@code timeout} passed; the tally of what it then holds.
     */
    Tally awaitApplied(String applicationId, Duration timeout) {
        try (Latest<UserState> changelog = new Latest<>(bootstrapServers,
                Reliability.changelog(applicationId, StoreNames.USER_STATE), AvroSerdes.USER_STATE)) {
            return tally(changelog.awaitAll("every user's events applied", timeout, latest -> tally(latest).exact()));
        }
    }

    Tally tally(Map<String, UserState> state) {
        return tally(state, userPrefix, sent);
    }

    /** The tally of users {@code userPrefix}0.. in {@code state}, user u having been sent {@code sent[u]} events. */
    static Tally tally(Map<String, UserState> state, String userPrefix, long[] sent) {
        long total = 0;
        long applied = 0;
        long lost = 0;
        long duplicated = 0;
        for (int u = 0; u < sent.length; u++) {
            UserState s = state.get(userPrefix + u);
            long got = s == null ? 0 : s.getEvents();
            total += sent[u];
            applied += got;
            lost += Math.max(0, sent[u] - got);
            duplicated += Math.max(0, got - sent[u]);
        }
        return new Tally(total, applied, lost, duplicated);
    }

    /** Users whose last list on `recommendations` reflects every event they were sent (all when sent none). */
    int listsReflectingAll(Map<String, Recommendations> lists) {
        int complete = 0;
        for (int u = 0; u < sent.length; u++) {
            Recommendations list = lists.get(user(u));
            if (sent[u] == 0 || list != null && list.getEventsSeen() == sent[u] && !list.getItems().isEmpty()) {
                complete++;
            }
        }
        return complete;
    }
}
