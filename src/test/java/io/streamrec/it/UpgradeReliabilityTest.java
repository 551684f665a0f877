package io.streamrec.it;

import static io.streamrec.it.Reliability.await;
import static io.streamrec.it.Reliability.closeQuietly;
import static io.streamrec.it.Reliability.deadline;
import static io.streamrec.it.Reliability.size;
import static io.streamrec.it.Reliability.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerde;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.Reliability.Child;
import io.streamrec.stores.StoreNames;
import io.streamrec.topology.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY upgrade: this build runs as release 1 on its own schemas (events in, state in the
 * changelogs, lists out), stops, and the next release takes over: the same code with a field
 * added, with a default, to Interaction, UserState and Recommendations ({@link EvolvedBuild}),
 * in a JVM of its own on a fresh state folder, so every store restores from changelogs release 1
 * wrote. Events release 1 left unread in the topic, and events new producers write with the
 * evolved schema, are all learned once; every user's state restores (their event counts carry
 * on); idle users' lists, stored by release 1, are still served; and a consumer still on
 * release 1's classes reads the lists release 2 writes. `mvn test` runs it small.
 */
@Tag("reliability")
class UpgradeReliabilityTest {
    private static final int ITEMS = 40;
    private static final Http http = new Http();

    @Test
    void anInstanceUpgradedToEvolvedSchemasRestoresEveryUserAndLearnsEveryEventOnce() throws Exception {
        int active = size(20, 400);
        int idle = size(5, 100);
        int before = size(300, 20_000);
        int waiting = size(100, 5_000);
        int after = size(100, 5_000);
        String applicationId = "rel-upgrade";
        Path work = Reliability.stateDir("upgrade-build");
        EvolvedBuild next = EvolvedBuild.compile(work);
        long[] expected = new long[active + idle];
        Random random = new Random(20);
        Child release2 = null;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "upgrade.", applicationId, Map.of());
            Topics topics = config.topics();
            AvroSerde<UserState> states = AvroSerde.of(UserState.class, List.of(next.schemas.get("UserState")));

            StreamrecApp release1 = StreamrecApp.start(config);
            try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
                release1.awaitRunning(Duration.ofSeconds(60));
                producer.catalogue(ITEMS);
                ItSupport.awaitIndexed(http, release1, ITEMS);
                List<Interaction> events = new ArrayList<>();
                for (int i = 0; i < before; i++) {
                    int u = i < expected.length ? i : random.nextInt(expected.length);
                    expected[u]++;
                    events.add(ItSupport.interaction(user(u, active), ItSupport.item(random.nextInt(ITEMS)),
                            EventType.values()[random.nextInt(4)]));
                }
                producer.interactions(events);
                awaitCounts("release 1 learned every event", kafka, applicationId, states, expected, active);
            } finally {
                release1.close();
            }

            try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
                List<Interaction> events = new ArrayList<>();
                for (int i = 0; i < waiting; i++) {
                    int u = random.nextInt(active);
                    expected[u]++;
                    events.add(ItSupport.interaction(user(u, active), ItSupport.item(random.nextInt(ITEMS)),
                            EventType.CLICK));
                }
                producer.interactions(events);
            }

            int port = EmbeddedKafka.freePorts(1)[0];
            Path log = Path.of("target", "reliability", "upgrade-release2.log");
            release2 = Child.run(log, next.classPath(), Reliability.runArgs(kafka.bootstrapServers(), "upgrade.",
                    applicationId, Map.of(), port, Reliability.stateDir(applicationId + "-release2")));
            String api = "http://localhost:" + port;
            release2.awaitReady(http, api, log);

            try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
                Schema evolved = next.schemas.get("Interaction");
                BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), evolved);
                for (int i = 0; i < after; i++) {
                    int u = random.nextInt(active);
                    expected[u]++;
                    GenericRecord event = new GenericData.Record(evolved);
                    event.put("user", user(u, active));
                    event.put("item", ItSupport.item(random.nextInt(ITEMS)));
                    event.put("type", new GenericData.EnumSymbol(evolved.getField("type").schema(), "VIEW"));
                    event.put("timestamp", Instant.now().toEpochMilli());
                    event.put("channel", "app");
                    producer.send(topics.interactions(), user(u, active), bytes(encoder.encode(event)));
                }
            }

            Map<String, UserState> state = awaitCounts("release 2 learned every event", kafka, applicationId, states,
                    expected, active);
            long lost = 0;
            long duplicated = 0;
            for (int u = 0; u < expected.length; u++) {
                UserState s = state.get(user(u, active));
                long got = s == null ? 0 : s.getEvents();
                lost += Math.max(0, expected[u] - got);
                duplicated += Math.max(0, got - expected[u]);
            }

            int restored = 0;
            int idleListsServed = 0;
            for (int u = 0; u < expected.length; u++) {
                Answer owned = http.get(api + "/v1/internal/users/" + user(u, active) + "/state");
                if (owned.status() == 200 && owned.body().path("events").asLong() == expected[u]) {
                    restored++;
                }
                if (u >= active) {
                    Answer list = http.get(api + "/v1/users/" + user(u, active) + "/recommendations");
                    if (list.status() == 200 && list.body().path("eventsSeen").asLong() == expected[u]
                            && list.body().path("items").size() > 0) {
                        idleListsServed++;
                    }
                }
            }

            // A consumer still on release 1's classes, given release 2's schema as it ships it.
            AvroSerde<Recommendations> oldConsumer = AvroSerde.of(Recommendations.class,
                    List.of(next.schemas.get("Recommendations")));
            Map<String, byte[]> lists = latest(kafka, topics.recommendations(), raw -> raw);
            int newListsRead = 0;
            for (int u = 0; u < active; u++) {
                byte[] raw = lists.get(user(u, active));
                if (raw != null && !AvroSerdes.RECOMMENDATIONS.hasHeader(raw)
                        && oldConsumer.decode(raw).getEventsSeen() == expected[u]) {
                    newListsRead++;
                }
            }

            summary("upgrade: users=%d (idle=%d) events=%d (before=%d waiting=%d after-with-evolved-schema=%d) "
                    + "restored=%d idle-lists-served=%d new-lists-read-by-old-consumer=%d lost=%d duplicated=%d",
                    expected.length, idle, before + waiting + after, before, waiting, after, restored, idleListsServed,
                    newListsRead, lost, duplicated);
            assertThat(lost).as("events lost").isZero();
            assertThat(duplicated).as("events applied twice").isZero();
            assertThat(restored).as("users whose state release 2 holds, all events counted").isEqualTo(expected.length);
            assertThat(idleListsServed).as("idle users' lists, stored by release 1, served by release 2").isEqualTo(idle);
            assertThat(newListsRead).as("release 2's lists (evolved schema) read by a release 1 consumer")
                    .isEqualTo(active);
        } finally {
            closeQuietly(release2);
        }
    }

    /** The first {@code active} users get events after the upgrade too; the rest only before it. */
    private static String user(int u, int active) {
        return (u < active ? "upgrade-active-" : "upgrade-idle-") + u;
    }

    /** The committed user-state changelog once every user's event count is as expected (or the time is up). */
    private static Map<String, UserState> awaitCounts(String what, EmbeddedKafka kafka, String applicationId,
                                                      AvroSerde<UserState> states, long[] expected, int active) {
        String changelog = Reliability.changelog(applicationId, StoreNames.USER_STATE);
        Function<byte[], UserState> decode = raw -> {
            try {
                return states.decode(raw);
            } catch (IOException e) {
                throw new AssertionError("a user-state record does not decode", e);
            }
        };
        try {
            return await(what, deadline(90, 600), () -> latest(kafka, changelog, decode), latest -> {
                for (int u = 0; u < expected.length; u++) {
                    UserState s = latest.get(user(u, active));
                    if (s == null || s.getEvents() != expected[u]) {
                        return false;
                    }
                }
                return true;
            });
        } catch (AssertionError timedOut) {
            return latest(kafka, changelog, decode);
        }
    }

    /** The latest committed value of every key of {@code topic}, read to its end now; tombstones are dropped. */
    private static <V> Map<String, V> latest(EmbeddedKafka kafka, String topic, Function<byte[], V> decode) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), decode.apply(record.value()));
                    }
                }
            }
        }
        return latest;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
