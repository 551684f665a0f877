package io.streamrec.it;

import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;
import static io.streamrec.it.Reliability.await;
import static io.streamrec.it.Reliability.closeQuietly;
import static io.streamrec.it.Reliability.deadline;
import static io.streamrec.it.Reliability.size;
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
import io.streamrec.topology.StoreNames;
import io.streamrec.topology.Topics;
import java.io.UncheckedIOException;
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
        Duration away = deadline(8, 30);
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
            Set<String> threads = threadNames(app);

            lookups = new Lookups(settled, SETTLED_EVENTS, List.of(app.httpUrl()));
            posts = new Posts(app.httpUrl(), "broker-http-", 20);
            SteadyEvents stream = new SteadyEvents(broker.bootstrapServers(), topics, "broker-user-", users, ITEMS);
            Thread producer1 = new Thread(() -> stream.produce(events, producing), "steady-events");
            lookups.start();
            posts.start();
            producer1.start();
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
            await("both sides RUNNING again", deadline(90, 180), () -> running.streams().state() == KafkaStreams.State.RUNNING
                    && running.itemStreams().state() == KafkaStreams.State.RUNNING, ok -> ok);
            producer1.join(deadline(120, 600).toMillis());
            assertThat(producer1.isAlive()).as("producer finished").isFalse();
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
            int replaced = (int) threadNames(app).stream().filter(t -> !threads.contains(t)).count();
            summary("broker-restart: away_s=%d produced=%d posted_202=%d refused_503=%d slowest_post_ms=%d "
                            + "lookups_while_away=%d failed=%d stale=%d states_while_away=%s threads_replaced=%d "
                            + "applied=%d lost=%d duplicated=%d",
                    away.toSeconds(), events, posts.accepted(), posts.refused(), posts.slowestMillis(),
                    lookupsWhileAway, lookups.failed(), staleWhileAway, statesWhileAway, replaced, tally.applied(),
                    tally.lost(), tally.duplicated());
            assertThat(lookups.failures()).as("failed lookups").isEmpty();
            assertThat(lookupsWhileAway).as("lookups answered while the broker was away").isPositive();
            assertThat(staleWhileAway).as("of them marked stale, the instance having lost touch with Kafka").isPositive();
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

    private static StreamrecApp startRunning(StreamrecConfig config) throws InterruptedException {
        StreamrecApp app = StreamrecApp.start(config);
        app.awaitRunning(Duration.ofSeconds(60));
        return app;
    }

    private static Set<String> threadNames(StreamrecApp app) {
        Set<String> names = new HashSet<>();
        app.streams().metadataForLocalThreads().forEach(t -> names.add(t.threadName()));
        app.itemStreams().metadataForLocalThreads().forEach(t -> names.add(t.threadName()));
        return names;
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
