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

import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.UserState;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.Reliability.Latest;
import io.streamrec.it.SteadyEvents.Tally;
import io.streamrec.stores.StoreNames;
import io.streamrec.topology.Topics;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What operating streamrec brings that a crash does not: the broker going away and coming
 * back, a rolling restart of every instance under load, and a long steady load. Each test
 * prints one RELIABILITY line; `mvn test` runs them small, `mvn -Preliability verify` full-size.
 * Each test has its own broker, since one of them stops it.
 */
@Tag("reliability")
class OperationsReliabilityTest {
    private static final int ITEMS = 30;
    /** Users with three events each before the load starts: their lists are what lookups check. */
    private static final int SETTLED_USERS = 20;
    private static final int SETTLED_EVENTS = 3;
    /** How far behind its changelog a replica may be and count as warm: a standby that far behind still answers. */
    private static final long WARM_LAG = 1_000;

    private final Http http = new Http();

    /**
     * The broker is stopped mid-stream and started again on the same port and log directory:
     * lookups keep answering from the instance's own state all along (marked stale while it
     * has no connection to Kafka), POST /v1/events answers
     * 503 with Retry-After within seconds while it is away (and 202 again after), Kafka Streams
     * is RUNNING again by itself, and every event acknowledged (by the broker to the producer,
     * or with a 202 to an HTTP client) is applied exactly once.
     */
    @Test
    void aBrokerAwayMidStreamLosesNothingAndEverythingResumesByItself() throws Exception {
        // Longer than the exactly-once transaction timeout (10 s): open transactions have timed out on its return.
        Duration away = deadline(12, 30);
        int users = size(50, 500);
        int events = size(3_000, 40_000);
        Duration producing = deadline(25, 90);
        String applicationId = "rel-broker";
        EmbeddedKafka broker = EmbeddedKafka.start();
        StreamrecConfig config = ItSupport.config(broker.bootstrapServers(), "broker.", applicationId,
                Map.of("streamrec.topic.partitions", "2"));
        Topics topics = config.topics();
        StreamrecApp app = null;
        Lookups lookups = null;
        Posts posts = null;
        try (Producer producer = new Producer(broker.bootstrapServers(), topics)) {
            app = startRunning(config);
            producer.catalogue(ITEMS);
            ItSupport.awaitIndexed(http, app, ITEMS);
            List<String> settled = settle(producer, "broker-settled-", app);
            Set<String> threads = Reliability.streamThreadNames(app);

            lookups = new Lookups(settled, SETTLED_EVENTS, List.of(app.httpUrl()));
            posts = new Posts(app.httpUrl(), "broker-http-", 20);
            SteadyEvents stream = new SteadyEvents(broker.bootstrapServers(), topics, "broker-user-", users, ITEMS);
            Thread load = new Thread(() -> stream.produce(events, producing), "steady-events");
            lookups.start();
            posts.start();
            load.start();
            await("a third of the events produced", deadline(60, 180), stream::produced, n -> n >= events / 3);

            broker.stop();
            int lookupsBefore = lookups.count();
            int staleBefore = lookups.stale();
            Set<KafkaStreams.State> statesWhileAway = new HashSet<>();
            long awayUntil = System.nanoTime() + away.toNanos();
            while (System.nanoTime() < awayUntil) {
                statesWhileAway.add(app.streams().state());
                Reliability.sleep(100);
            }
            int lookupsWhileAway = lookups.count() - lookupsBefore;
            int staleWhileAway = lookups.stale() - staleBefore;
            broker.restart();

            StreamrecApp running = app;
            await("both sides RUNNING again", deadline(90, 180),
                    () -> running.streams().state() == KafkaStreams.State.RUNNING
                    && running.itemStreams().state() == KafkaStreams.State.RUNNING, ok -> ok);
            load.join(deadline(120, 600).toMillis());
            assertThat(load.isAlive()).as("producer finished").isFalse();
            assertThat(stream.produced()).isEqualTo(events);
            await("a POST accepted after the restart", deadline(60, 120), posts::acceptedAfterRefusal, n -> n > 0);
            posts.stop();
            lookups.stop();

            Posts posted = posts;
            Tally tally;
            try (Latest<UserState> changelog = new Latest<>(broker.bootstrapServers(),
                    Reliability.changelog(applicationId, StoreNames.USER_STATE), AvroSerdes.USER_STATE)) {
                Map<String, UserState> state = changelog.awaitAll("every acknowledged event applied",
                        deadline(90, 300), latest -> stream.tally(latest).plus(posted.tally(latest)).exact());
                tally = stream.tally(state).plus(posts.tally(state));
            }
            int replaced = (int) Reliability.streamThreadNames(app).stream().filter(t -> !threads.contains(t)).count();
            summary("broker-restart: away_s=%d produced=%d posted_202=%d refused_503=%d slowest_post_ms=%d "
                            + "lookups_while_away=%d failed=%d stale=%d states_while_away=%s threads_replaced=%d "
                            + "applied=%d lost=%d duplicated=%d",
                    away.toSeconds(), events, posts.accepted(), posts.refused(), posts.slowestMillis(),
                    lookupsWhileAway, lookups.failed(), staleWhileAway, statesWhileAway, replaced, tally.applied(),
                    tally.lost(), tally.duplicated());
            assertThat(lookups.failures()).as("failed lookups").isEmpty();
            assertThat(lookupsWhileAway).as("lookups answered while the broker was away").isPositive();
            assertThat(staleWhileAway).as("of them marked stale, the instance having lost touch with Kafka")
                    .isPositive();
            assertThat(posts.refused()).as("POSTs refused while the broker was away").isPositive();
            assertThat(posts.wrongAnswers()).as("POST answers other than 202, or 503 with Retry-After").isEmpty();
            assertThat(posts.slowestMillis()).as("slowest POST answer, ms").isLessThan(10_000);
            assertThat(tally.lost()).as("acknowledged events lost").isZero();
            assertThat(tally.duplicated()).as("events applied twice").isZero();
        } finally {
            if (lookups != null) {
                lookups.stop();
            }
            if (posts != null) {
                posts.stop();
            }
            closeQuietly(app, broker);
        }
    }

    /**
     * Two instances with a standby replica each, under load: one is stopped and started again
     * on a new state folder (a new build on a fresh machine: it restores from the changelogs),
     * and once it is ready and its replicas warm, the other: no lookup fails (the standbys
     * answer while an active copy moves), and every event is applied exactly once.
     */
    @Test
    void aRollingRestartUnderLoadFailsNoLookupAndLosesNothing() throws Exception {
        int users = size(50, 1_000);
        int events = size(2_000, 60_000);
        Duration producing = deadline(25, 150);
        String applicationId = "rel-rolling";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("streamrec.topic.partitions", "4");
        settings.put("num.standby.replicas", "1");
        EmbeddedKafka broker = EmbeddedKafka.start();
        StreamrecApp[] instances = new StreamrecApp[2];
        Lookups lookups = null;
        try (Producer producer = new Producer(broker.bootstrapServers(), ItSupport.config(broker.bootstrapServers(),
                "rolling.", applicationId, settings).topics())) {
            for (int i = 0; i < instances.length; i++) {
                instances[i] = startRunning(ItSupport.config(broker.bootstrapServers(), "rolling.", applicationId,
                        settings));
            }
            producer.catalogue(ITEMS);
            for (StreamrecApp app : instances) {
                ItSupport.awaitIndexed(http, app, ITEMS);
            }
            List<String> settled = settle(producer, "rolling-settled-", instances[0]);
            for (StreamrecApp app : instances) {
                awaitWarm(app, instances.length);
            }
            lookups = new Lookups(settled, SETTLED_EVENTS, List.of(instances[0].httpUrl(), instances[1].httpUrl()));
            Topics topics = ItSupport.config(broker.bootstrapServers(), "rolling.", applicationId, settings).topics();
            SteadyEvents stream = new SteadyEvents(broker.bootstrapServers(), topics, "rolling-user-", users, ITEMS);
            Thread load = new Thread(() -> stream.produce(events, producing), "steady-events");
            lookups.start();
            load.start();
            await("a quarter of the events produced", deadline(60, 180), stream::produced, n -> n >= events / 4);

            double[] restartSeconds = new double[instances.length];
            for (int i = 0; i < instances.length; i++) {
                long start = System.nanoTime();
                lookups.stopAsking(instances[i].httpUrl());
                instances[i].close();
                instances[i] = null;
                instances[i] = startRunning(ItSupport.config(broker.bootstrapServers(), "rolling.", applicationId,
                        settings));
                awaitWarm(instances[i], instances.length);
                lookups.alsoAsk(instances[i].httpUrl());
                restartSeconds[i] = (System.nanoTime() - start) / 1e9;
            }
            load.join(deadline(120, 600).toMillis());
            assertThat(load.isAlive()).as("load finished").isFalse();
            assertThat(stream.produced()).isEqualTo(events);
            lookups.stop();

            Tally tally = stream.awaitApplied(applicationId, deadline(90, 300));
            summary("rolling-upgrade: restart_s=%.1f,%.1f lookups=%d failed=%d stale=%d produced=%d applied=%d "
                            + "lost=%d duplicated=%d", restartSeconds[0], restartSeconds[1], lookups.count(),
                    lookups.failed(), lookups.stale(), events, tally.applied(), tally.lost(), tally.duplicated());
            assertThat(lookups.count()).isPositive();
            assertThat(lookups.failures()).as("failed lookups").isEmpty();
            assertThat(tally.lost()).as("events lost").isZero();
            assertThat(tally.duplicated()).as("events applied twice").isZero();
        } finally {
            if (lookups != null) {
                lookups.stop();
            }
            closeQuietly(instances[0], instances[1], broker);
        }
    }

    /**
     * An instance under a steady load of half the rate one instance sustains (BENCHMARKS.md),
     * sampled at a steady interval: heap after a full GC, bytes of its state folders (RocksDB),
     * open file descriptors and live threads of this JVM (broker and instance). After the first
     * sixth of the run (ten minutes of an hour) none grows more than 10% beyond what the state
     * itself grew (users, and items seen: bytes of the user-state and user-seen records); threads
     * not at all beyond 10%; the user-state record per user
     * stays within the footprint target (512 bytes at k = 64 plus its recent items); every event
     * is applied once. Full size: 10 minutes at 1,000 events/s ({@code -Dstreamrec.soak.minutes=60}
     * for the hour), sampled each minute; `mvn test`: 80 s at 200 events/s, sampled every 5 s.
     */
    @Test
    void aSteadyLoadLeaksNoHeapStateFilesOrThreads() throws Exception {
        Duration length = Reliability.FULL ? Duration.ofMinutes(Integer.getInteger("streamrec.soak.minutes", 10))
                : Duration.ofSeconds(80);
        Duration every = Reliability.FULL ? Duration.ofMinutes(1) : Duration.ofSeconds(5);
        Duration settling = length.dividedBy(6);
        int rate = size(200, 1_000);
        // Few enough users that nearly all have been seen by the end of the settling time.
        int users = size(400, 10_000);
        int items = size(200, 1_000);
        int events = (int) (rate * length.toSeconds());
        String applicationId = "rel-soak";
        EmbeddedKafka broker = EmbeddedKafka.start();
        StreamrecConfig config = ItSupport.config(broker.bootstrapServers(), "soak.", applicationId,
                Map.of("streamrec.topic.partitions", "4"));
        StreamrecApp app = null;
        try (Producer producer = new Producer(broker.bootstrapServers(), config.topics())) {
            app = startRunning(config);
            producer.catalogue(items);
            ItSupport.awaitIndexed(http, app, items);
            SteadyEvents stream = new SteadyEvents(broker.bootstrapServers(), config.topics(), "soak-user-", users,
                    items);
            Thread load = new Thread(() -> stream.produce(events, length), "steady-events");
            Path stateDir = Path.of(config.get(StreamrecConfig.STATE_DIR));
            List<SoakSample> samples = new ArrayList<>();
            long start = System.nanoTime();
            load.start();
            for (long due = start + every.toNanos(); load.isAlive(); due += every.toNanos()) {
                Reliability.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                samples.add(SoakSample.take(app, stateDir, Duration.ofNanos(System.nanoTime() - start)));
            }
            load.join();
            Tally tally = stream.awaitApplied(applicationId, deadline(60, 300));

            SoakSample.Growth growth = SoakSample.growthAfter(samples, settling);
            SoakSample last = samples.get(samples.size() - 1);
            summary("soak: minutes=%.1f rate=%d produced=%d samples=%d settled_at_s=%d heap_mb=%s state_dir_mb=%s "
                            + "fds=%s threads=%s users=%s items_seen=%s state_growth=%.2f "
                            + "user_state_bytes_per_user=%.0f (target %.0f) "
                            + "rocksdb_bytes_per_user=%.0f lost=%d duplicated=%d", length.toSeconds() / 60.0, rate,
                    events, samples.size(), growth.base().at().toSeconds(), growth.heapMb(), growth.rocksMb(),
                    growth.fds(), growth.threads(), growth.users(), growth.itemsSeen(), growth.worstStateGrowth(),
                    last.userStateBytesPerUser(), last.footprintTargetPerUser(),
                    (double) last.stateDirBytes() / Math.max(1, last.users()), tally.lost(), tally.duplicated());
            assertThat(growth.overLimit()).as("samples growing more than 10% beyond the state's own growth").isEmpty();
            assertThat(last.userStateBytesPerUser()).as("user-state bytes per user")
                    .isLessThanOrEqualTo(last.footprintTargetPerUser());
            assertThat(tally.lost()).as("events lost").isZero();
            assertThat(tally.duplicated()).as("events applied twice").isZero();
        } finally {
            closeQuietly(app, broker);
        }
    }

    /**
     * What an operator waits for before restarting the next instance: {@code members} instances
     * in the group, this one ready (RUNNING, nothing restoring) and every store partition it
     * holds, active or standby, within {@value #WARM_LAG} records of its changelog's end.
     */
    private void awaitWarm(StreamrecApp app, int members) {
        await(app.httpUrl() + " ready with warm replicas", Duration.ofSeconds(180), () -> {
            if (app.streams().state() != KafkaStreams.State.RUNNING
                    || app.streams().metadataForAllStreamsClients().size() != members
                    || !Integer.valueOf(200).equals(Reliability.readiness(http, app.httpUrl()))) {
                return false;
            }
            try {
                return app.streams().allLocalStorePartitionLags().values().stream()
                        .flatMap(lags -> lags.values().stream()).allMatch(lag -> lag.offsetLag() <= WARM_LAG);
            } catch (RuntimeException notKnownYet) {
                return false;
            }
        }, warm -> warm);
    }

    /** {@value #SETTLED_USERS} users with {@value #SETTLED_EVENTS} events each, their lists awaited on {@code app}. */
    private List<String> settle(Producer producer, String prefix, StreamrecApp app) {
        List<String> ids = new ArrayList<>();
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < SETTLED_USERS; u++) {
            ids.add(prefix + u);
            for (int e = 0; e < SETTLED_EVENTS; e++) {
                events.add(interaction(ids.get(u), item((u + 7 * e) % ITEMS), EventType.CLICK));
            }
        }
        producer.interactions(events);
        for (String user : ids) {
            await("settled list of " + user, Duration.ofSeconds(60),
                    () -> http.get(app.httpUrl() + "/v1/users/" + user + "/recommendations").body(),
                    body -> body.path("eventsSeen").asLong() == SETTLED_EVENTS);
        }
        return ids;
    }

    /**
     * An HTTP client posting events for users {@code prefix}0.. in a loop on its own thread, as a
     * careful client would: what got 202 is counted as sent, a 503 is not (the client would retry
     * it later). Records every answer that is neither, and the slowest answer.
     */
    private static final class Posts {
        private final Http http = new Http();
        private final String url;
        private final String prefix;
        private final long[] accepted;
        private final AtomicInteger acceptedCount = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger acceptedAfterRefusal = new AtomicInteger();
        private final AtomicLong slowest = new AtomicLong();
        private final List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread = new Thread(this::run, "posts");
        private volatile boolean stopped;

        Posts(String appUrl, String prefix, int users) {
            this.url = appUrl + "/v1/events";
            this.prefix = prefix;
            this.accepted = new long[users];
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join(30_000);
        }

        private void run() {
            for (int i = 0; !stopped; i++) {
                int u = i % accepted.length;
                long start = System.nanoTime();
                Answer answer;
                try {
                    answer = http.post(url, "{\"user\":\"" + prefix + u + "\",\"item\":\"" + item(i % ITEMS)
                            + "\",\"type\":\"VIEW\"}");
                } catch (UncheckedIOException e) {
                    wrong.add("no answer: " + e.getMessage());
                    continue;
                }
                slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                if (answer.status() == 202) {
                    accepted[u]++;
                    acceptedCount.incrementAndGet();
                    if (refused.get() > 0) {
                        acceptedAfterRefusal.incrementAndGet();
                    }
                } else if (answer.status() == 503 && answer.header("Retry-After") != null
                        && !answer.body().path("error").asText().isBlank()) {
                    refused.incrementAndGet();
                } else if (wrong.size() < 10) {
                    wrong.add(answer.status() + " " + answer.body() + " Retry-After=" + answer.header("Retry-After"));
                }
                Reliability.sleep(20);
            }
        }

        int accepted() {
            return acceptedCount.get();
        }

        int refused() {
            return refused.get();
        }

        int acceptedAfterRefusal() {
            return acceptedAfterRefusal.get();
        }

        long slowestMillis() {
            return slowest.get();
        }

        List<String> wrongAnswers() {
            return wrong;
        }

        /** Call once stopped: the counts are this thread's own until then. */
        Tally tally(Map<String, UserState> state) {
            return SteadyEvents.tally(state, prefix, accepted);
        }
    }
}
