package io.streamrec.it;

import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;
import static io.streamrec.it.Reliability.await;
import static io.streamrec.it.Reliability.closeQuietly;
import static io.streamrec.it.Reliability.deadline;
import static io.streamrec.it.Reliability.size;
import static io.streamrec.it.Reliability.startRunning;
import static io.streamrec.it.Reliability.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.Reliability.Child;
import io.streamrec.it.Reliability.Latest;
import io.streamrec.stores.StoreNames;
import io.streamrec.topology.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of the README's "Reliability" section, each on the in-process broker and
 * each printing one RELIABILITY line: crash safety under exactly-once (a child JVM killed
 * with SIGKILL mid-stream), lookups during a rebalance, restart from the changelogs, and
 * deletion. `mvn -Preliability verify` runs all five full-size; `mvn test` runs the fuzz and
 * rebalance tests small and skips the long ones (item deletion is also covered by TopologyTest).
 * One broker for the class; each test has its own topics and application id.
 */
@Tag("reliability")
class ReliabilityTest {
    private static final int ITEMS = 30;
    /** Enough that no user of the crash test, ~100 events each at full size, has seen them all. */
    private static final int CRASH_ITEMS = 300;
    /** A crashed member is noticed after this long instead of Kafka's 45 s; the broker's minimum. */
    private static final Map<String, String> FAST_FAILOVER = Map.of("session.timeout.ms", "6000",
            "heartbeat.interval.ms", "1500");

    private static EmbeddedKafka kafka;
    private static final Http http = new Http();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        closeQuietly(kafka);
    }

    /**
     * Two instances, one in a child JVM killed with SIGKILL a third of the way through the
     * stream and restarted on its state folder: every user's event count in the user-state
     * store (read from its changelog, as committed) equals what was produced, and
     * `recommendations` holds a list reflecting all of them for every user.
     */
    @Test
    void aKilledInstanceNeitherLosesNorDoublesAnEvent() throws Exception {
        Reliability.longTest();
        int users = size(100, 2_000);
        int events = size(3_000, 200_000);
        Duration producing = deadline(5, 40);
        String applicationId = "rel-crash";
        Map<String, String> settings = new LinkedHashMap<>(FAST_FAILOVER);
        settings.put("streamrec.topic.partitions", "4");
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "crash.", applicationId, settings);
        Topics topics = config.topics();
        int childPort = EmbeddedKafka.freePorts(1)[0];
        List<String> childArgs = Reliability.runArgs(kafka.bootstrapServers(), "crash.", applicationId, settings,
                childPort, Reliability.stateDir(applicationId + "-child"));
        Path logs = Path.of("target", "reliability");
        StreamrecApp survivor = null;
        Child child = null;
        try (Producer catalogue = new Producer(kafka.bootstrapServers(), topics)) {
            survivor = startRunning(config);
            child = Child.run(logs.resolve("crash-child-1.log"), childArgs);
            child.awaitReady(http, "http://localhost:" + childPort, logs.resolve("crash-child-1.log"));
            catalogue.catalogue(CRASH_ITEMS);
            ItSupport.awaitIndexed(http, survivor, CRASH_ITEMS);

            SteadyEvents stream = new SteadyEvents(kafka.bootstrapServers(), topics, "crash-user-", users,
                    CRASH_ITEMS);
            Thread producer = new Thread(() -> stream.produce(events, producing));
            producer.start();
            await("a third of the events produced", deadline(60, 120), stream::produced, n -> n >= events / 3);
            child.kill();
            child = Child.run(logs.resolve("crash-child-2.log"), childArgs);
            producer.join(deadline(120, 600).toMillis());
            assertThat(producer.isAlive()).as("producer finished").isFalse();
            assertThat(stream.produced()).isEqualTo(events);

            SteadyEvents.Tally tally = stream.awaitApplied(applicationId, deadline(90, 600));
            summary("crash: produced=%d applied=%d lost=%d duplicated=%d", events, tally.applied(), tally.lost(),
                    tally.duplicated());
            assertThat(tally.lost()).as("events lost").isZero();
            assertThat(tally.duplicated()).as("events applied twice").isZero();

            try (Latest<Recommendations> lists = new Latest<>(kafka.bootstrapServers(), topics.recommendations(),
                    AvroSerdes.RECOMMENDATIONS)) {
                Map<String, Recommendations> last = lists.awaitAll("a final list for every user", deadline(30, 120),
                        latest -> stream.listsReflectingAll(latest) == users);
                assertThat(stream.listsReflectingAll(last)).as("users whose last list reflects all their events")
                        .isEqualTo(users);
            }
        } finally {
            closeQuietly(child, survivor);
        }
    }

    private static void awaitReady(String url) {
        await(url + "/health/ready answers 200", Duration.ofSeconds(90), () -> Reliability.readiness(http, url),
                status -> status == 200);
    }


    /**
     * Lookups run against the instances while a third one joins and then one of the first two
     * leaves: every lookup answers 200 with the user's settled list, from a standby replica
     * (X-Streamrec-Stale) whenever the active copy cannot answer.
     */
    @Test
    void lookupsKeepAnsweringWhileInstancesComeAndGo() throws Exception {
        int users = size(40, 400);
        int eventsPerUser = 3;
        Map<String, String> settings = new LinkedHashMap<>(FAST_FAILOVER);
        settings.put("streamrec.topic.partitions", "4");
        settings.put("num.standby.replicas", "1");
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "rebal.", "rel-rebalance", settings);
        Topics topics = config.topics();
        StreamrecApp a = null;
        StreamrecApp b = null;
        StreamrecApp c = null;
        Lookups lookups = null;
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            a = startRunning(config);
            b = startRunning(ItSupport.config(kafka.bootstrapServers(), "rebal.", "rel-rebalance", settings));
            producer.catalogue(ITEMS);
            ItSupport.awaitIndexed(http, a, ITEMS);
            ItSupport.awaitIndexed(http, b, ITEMS);
            List<String> ids = new ArrayList<>();
            List<Interaction> events = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                ids.add("rebal-user-" + u);
                for (int e = 0; e < eventsPerUser; e++) {
                    events.add(interaction(ids.get(u), item((u + 7 * e) % ITEMS), EventType.CLICK));
                }
            }
            producer.interactions(events);
            StreamrecApp first = a;
            for (String user : ids) {
                await("settled list of " + user, Duration.ofSeconds(60),
                        () -> http.get(first.httpUrl() + "/v1/users/" + user + "/recommendations").body(),
                        body -> body.path("eventsSeen").asLong() == eventsPerUser);
            }

            lookups = new Lookups(ids, eventsPerUser, List.of(a.httpUrl()));
            lookups.start();
            Reliability.sleep(500);
            c = StreamrecApp.start(ItSupport.config(kafka.bootstrapServers(), "rebal.", "rel-rebalance", settings));
            awaitMembers(a, 3);
            lookups.alsoAsk(c.httpUrl());
            Reliability.sleep(1_000);
            b.close();
            b = null;
            awaitMembers(a, 2);
            Reliability.sleep(1_000);
            lookups.stop();
            summary("rebalance: lookups=%d failed=%d stale=%d", lookups.count(), lookups.failed(), lookups.stale());
            assertThat(lookups.count()).isPositive();
            assertThat(lookups.failures()).as("failed lookups").isEmpty();
        } finally {
            if (lookups != null) {
                lookups.stop();
            }
            closeQuietly(c, b, a);
        }
    }

    /** Waits until {@code app} sees {@code members} instances, all running, with every partition assigned. */
    private static void awaitMembers(StreamrecApp app, int members) {
        await(members + " instances sharing the work", Duration.ofSeconds(60), () -> app.streams()
                .metadataForAllStreamsClients().size(), size -> size == members
                && app.streams().state() == KafkaStreams.State.RUNNING);
    }

    /**
     * Random bytes, truncated Avro, other schema versions, huge ids, non-finite values, absurd
     * timestamps, unknown event types and keyless tombstones at `interactions`, and bad JSON at
     * POST /v1/events, with good events between them: nothing crashes (no 5xx, no stream thread
     * replaced), every bad record is dead-lettered with its precise reason (or is a 400 with a
     * message), every good event is applied exactly once.
     */
    @Test
    void badInputNeverCrashesAndEveryBadRecordIsDeadLetteredWithItsReason() throws Exception {
        int topicInputs = size(600, 20_000);
        int httpInputs = size(300, 5_000);
        int goodUsers = 20;
        String applicationId = "rel-fuzz";
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "fuzz.", applicationId,
                Map.of("streamrec.topic.partitions", "2"));
        Topics topics = config.topics();
        StreamrecApp app = null;
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            app = startRunning(config);
            producer.catalogue(ITEMS);
            ItSupport.awaitIndexed(http, app, ITEMS);
            java.util.Set<String> threads = Reliability.streamThreadNames(app);
            Random random = new Random(2026);
            long[] expected = new long[goodUsers];
            Map<String, String> reasons = new HashMap<>();
            BadInputs bad = new BadInputs(random);
            try (KafkaProducer<String, byte[]> fast = SteadyEvents.idempotentProducer(kafka.bootstrapServers())) {
                List<Map.Entry<Future<RecordMetadata>, String>> sent = new ArrayList<>();
                for (int i = 0; i < topicInputs; i++) {
                    BadInputs.Record record = bad.next();
                    sent.add(Map.entry(fast.send(new ProducerRecord<>(topics.interactions(), record.key(),
                            record.value())), record.reason()));
                    if (random.nextInt(3) == 0) {
                        int u = random.nextInt(goodUsers);
                        expected[u]++;
                        Interaction good = interaction("fuzz-good-" + u, item(random.nextInt(ITEMS)),
                                EventType.CLICK);
                        // Some keyed by something else: re-keyed, still applied once.
                        fast.send(new ProducerRecord<>(topics.interactions(), random.nextInt(4) == 0 ? "session-" + i
                                : good.getUser(), AvroSerdes.INTERACTION.encode(good)));
                    }
                }
                fast.flush();
                for (Map.Entry<Future<RecordMetadata>, String> entry : sent) {
                    RecordMetadata landed = entry.getKey().get();
                    reasons.put(landed.partition() + "@" + landed.offset(), entry.getValue());
                }
            }
            int badAnswers = 0;
            List<String> wrongAnswers = new ArrayList<>();
            for (int i = 0; i < httpInputs; i++) {
                Answer answer = http.post(app.httpUrl() + "/v1/events", bad.json());
                if (answer.status() != 400 || answer.body().path("error").asText().isBlank()) {
                    badAnswers++;
                    if (wrongAnswers.size() < 5) {
                        wrongAnswers.add(answer.status() + " " + answer.body());
                    }
                }
                if (random.nextInt(3) == 0) {
                    int u = random.nextInt(goodUsers);
                    expected[u]++;
                    Answer good = http.post(app.httpUrl() + "/v1/events", "{\"user\":\"fuzz-good-" + u
                            + "\",\"item\":\"" + item(random.nextInt(ITEMS)) + "\",\"type\":\"VIEW\"}");
                    assertThat(good.status()).as(good.body().toString()).isEqualTo(202);
                }
            }

            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, io.streamrec.avro.RejectedEvent>> dead =
                    Reliability.readAll(kafka.bootstrapServers(), topics.rejected(), AvroSerdes.REJECTED,
                            Duration.ofSeconds(60), all -> all.size() >= topicInputs);
            int deadLettered = 0;
            List<String> mismatches = new ArrayList<>();
            for (var record : dead) {
                String expectedReason = reasons.get(record.value().getPartition() + "@" + record.value().getOffset());
                if (expectedReason != null && record.value().getTopic().equals(topics.interactions())
                        && record.value().getReason().contains(expectedReason)) {
                    deadLettered++;
                } else if (mismatches.size() < 5) {
                    mismatches.add(record.value().getReason() + " (expected " + expectedReason + ")");
                }
            }
            long goodEvents = java.util.Arrays.stream(expected).sum();
            Map<String, UserState> state;
            try (Latest<UserState> changelog = new Latest<>(kafka.bootstrapServers(),
                    Reliability.changelog(applicationId, StoreNames.USER_STATE), AvroSerdes.USER_STATE)) {
                state = changelog.awaitAll("good events applied", Duration.ofSeconds(60), latest -> {
                    for (int u = 0; u < goodUsers; u++) {
                        UserState s = latest.get("fuzz-good-" + u);
                        if ((s == null ? 0 : s.getEvents()) != expected[u]) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            long appliedGood = 0;
            for (int u = 0; u < goodUsers; u++) {
                UserState s = state.get("fuzz-good-" + u);
                appliedGood += Math.min(expected[u], s == null ? 0 : s.getEvents());
            }
            int replacedThreads = (int) Reliability.streamThreadNames(app).stream().filter(t -> !threads.contains(t)).count();
            boolean running = app.streams().state() == KafkaStreams.State.RUNNING
                    && app.itemStreams().state() == KafkaStreams.State.RUNNING;
            int crashed = badAnswers + replacedThreads + (running ? 0 : 1);
            summary("fuzz: tried=%d crashed=%d dead_lettered=%d applied_good=%d/%d", topicInputs + httpInputs,
                    crashed, deadLettered + (httpInputs - badAnswers), appliedGood, goodEvents);
            assertThat(wrongAnswers).as("POST /v1/events answers other than 400 with a message").isEmpty();
            assertThat(replacedThreads).as("stream threads that died").isZero();
            assertThat(running).as("streams still RUNNING").isTrue();
            assertThat(mismatches).as("dead letters without the expected reason").isEmpty();
            assertThat(deadLettered).as("bad records dead-lettered with their reason").isEqualTo(topicInputs);
            assertThat(appliedGood).isEqualTo(goodEvents);
            for (int u = 0; u < goodUsers; u++) {
                UserState s = state.get("fuzz-good-" + u);
                assertThat(s == null ? 0 : s.getEvents()).as("events of fuzz-good-" + u).isEqualTo(expected[u]);
            }
        } finally {
            closeQuietly(app);
        }
    }

    /**
     * An instance started on an empty state folder restores every user from the changelogs;
     * the time from start to ready (RUNNING, nothing restoring) is printed.
     */
    @Test
    void aFreshInstanceRestoresEveryUserFromTheChangelogs() throws Exception {
        Reliability.longTest();
        int users = size(2_000, 100_000);
        String applicationId = "rel-restore";
        Map<String, String> settings = Map.of("streamrec.topic.partitions", "4", "num.standby.replicas", "0");
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "restore.", applicationId, settings);
        Topics topics = config.topics();
        StreamrecApp first = null;
        StreamrecApp restored = null;
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            first = startRunning(config);
            producer.catalogue(ITEMS);
            ItSupport.awaitIndexed(http, first, ITEMS);
            List<Interaction> events = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                events.add(interaction("restore-user-" + u, item(u % ITEMS), EventType.VIEW));
                if (events.size() == 10_000 || u == users - 1) {
                    producer.interactions(events);
                    events.clear();
                }
            }
            try (Latest<UserState> changelog = new Latest<>(kafka.bootstrapServers(),
                    Reliability.changelog(applicationId, StoreNames.USER_STATE), AvroSerdes.USER_STATE)) {
                Map<String, UserState> state = changelog.awaitAll("every user learned", deadline(60, 600),
                        latest -> latest.size() == users);
                assertThat(state).hasSize(users);
            }
            first.close();
            first = null;

            long start = System.nanoTime();
            restored = StreamrecApp.start(ItSupport.config(kafka.bootstrapServers(), "restore.", applicationId,
                    settings));
            awaitReady(restored.httpUrl());
            double seconds = (System.nanoTime() - start) / 1e9;
            summary("restore: users=%d seconds=%.1f", users, seconds);
            assertThat(countUsers(restored)).isEqualTo(users);
        } finally {
            closeQuietly(restored, first);
        }
    }

    private static long countUsers(StreamrecApp app) {
        ReadOnlyKeyValueStore<String, UserState> store = app.streams().store(StoreQueryParameters.fromNameAndType(
                StoreNames.USER_STATE, QueryableStoreTypes.<String, UserState>keyValueStore()));
        long count = 0;
        try (KeyValueIterator<String, UserState> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                count++;
            }
        }
        return count;
    }

    /**
     * A user tombstone removes the user's state and list everywhere (store, lookups on every
     * instance, a tombstone on `recommendations`); an item tombstone removes the item from every
     * instance's index and from every list it was in, each re-emitted without it.
     */
    @Test
    void deletedUsersAndItemsLeaveEveryStoreIndexAndList() throws Exception {
        Reliability.longTest();
        int users = 24;
        String applicationId = "rel-delete";
        Map<String, String> settings = Map.of("streamrec.topic.partitions", "4", "num.standby.replicas", "1");
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "delete.", applicationId, settings);
        Topics topics = config.topics();
        StreamrecApp a = null;
        StreamrecApp b = null;
        Latest<Recommendations> lists = null;
        Latest<UserState> state = null;
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            a = startRunning(config);
            b = startRunning(ItSupport.config(kafka.bootstrapServers(), "delete.", applicationId, settings));
            lists = new Latest<>(kafka.bootstrapServers(), topics.recommendations(), AvroSerdes.RECOMMENDATIONS);
            state = new Latest<>(kafka.bootstrapServers(), Reliability.changelog(applicationId, StoreNames.USER_STATE),
                    AvroSerdes.USER_STATE);
            producer.catalogue(ITEMS);
            ItSupport.awaitIndexed(http, a, ITEMS);
            ItSupport.awaitIndexed(http, b, ITEMS);
            List<Interaction> events = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                for (int e = 0; e < 3; e++) {
                    events.add(interaction("delete-user-" + u, item((u + 5 * e) % ITEMS), EventType.CLICK));
                }
            }
            producer.interactions(events);
            Map<String, Recommendations> before = new HashMap<>(lists.awaitAll("every user's list",
                    Duration.ofSeconds(30), latest -> latest.values().stream().filter(Objects::nonNull)
                            .filter(l -> l.getEventsSeen() == 3).count() == users));
            assertThat(before).hasSize(users);

            String gone = "delete-user-0";
            producer.send(topics.interactions(), gone, null);
            lists.awaitAll("tombstone of " + gone + " on " + topics.recommendations(), Duration.ofSeconds(30),
                    latest -> latest.containsKey(gone) && latest.get(gone) == null);
            assertThat(lists.catchUp().get(gone)).as("list of the deleted user").isNull();
            state.awaitAll("tombstone of " + gone + " in the user-state changelog", Duration.ofSeconds(30),
                    latest -> latest.containsKey(gone) && latest.get(gone) == null);
            assertThat(state.catchUp().get(gone)).as("state of the deleted user").isNull();
            for (StreamrecApp app : List.of(a, b)) {
                JsonNode answer = http.get(app.httpUrl() + "/v1/users/" + gone + "/recommendations").body();
                assertThat(answer.get("personalized").asBoolean()).as("lookup of a deleted user").isFalse();
                assertThat(answer.has("eventsSeen")).isFalse();
            }

            // The item in the most lists, so its deletion has lists to refresh on both instances.
            Map<String, Long> appearances = new HashMap<>();
            before.forEach((user, list) -> list.getItems().forEach(i -> appearances.merge(i.getItem(), 1L, Long::sum)));
            String item = appearances.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<String> naming = before.entrySet().stream().filter(e -> !e.getKey().equals(gone))
                    .filter(e -> e.getValue().getItems().stream().anyMatch(i -> i.getItem().equals(item)))
                    .map(Map.Entry::getKey).toList();
            assertThat(naming).as("lists naming " + item).isNotEmpty();
            producer.send(topics.items(), item, null);
            for (StreamrecApp app : List.of(a, b)) {
                await(item + " gone from the index of " + app.httpUrl(), Duration.ofSeconds(30),
                        () -> http.get(app.httpUrl() + "/v1/items/" + item + "/similar").status(), s -> s == 404);
            }
            Map<String, Recommendations> after = lists.awaitAll("lists naming " + item + " re-emitted without it",
                    Duration.ofSeconds(30), latest -> naming.stream().allMatch(u -> latest.get(u) != null
                            && latest.get(u).getItems().stream().noneMatch(i -> i.getItem().equals(item))));
            for (String user : naming) {
                assertThat(after.get(user).getItems()).as("re-emitted list of " + user).isNotEmpty()
                        .noneMatch(i -> i.getItem().equals(item));
                assertThat(after.get(user).getGeneratedAt()).isAfter(before.get(user).getGeneratedAt());
            }
            for (StreamrecApp app : List.of(a, b)) {
                for (int u = 1; u < users; u++) {
                    JsonNode answer = http.get(app.httpUrl() + "/v1/users/delete-user-" + u + "/recommendations?n=50")
                            .body();
                    assertThat(ItSupport.itemIds(answer)).as("lookup on " + app.httpUrl()).doesNotContain(item);
                }
                assertThat(ItSupport.itemIds(http.get(app.httpUrl() + "/v1/trending?n=50").body())).doesNotContain(item);
            }
            summary("deletion: ok");
        } finally {
            closeQuietly(lists, state, b, a);
        }
    }
}
