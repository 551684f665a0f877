package io.streamrec.it;

import static io.streamrec.it.ItSupport.await;
import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.stores.StoreNames;
import io.streamrec.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing one application id: each owns some users' partitions, and a lookup
 * sent to the instance that does not own the user is forwarded to the one that does.
 */
class TwoInstancesTest {
    private static final int ITEMS = 20;
    private static final int USERS = 40;
    private static final int EVENTS_PER_USER = 3;
    /** How long two instances' item indexes may take to agree again. */
    private static final Duration SETTLING = Duration.ofSeconds(30);
    private static final String SERVED_BY = "X-Streamrec-Served-By";

    private static EmbeddedKafka kafka;
    private static StreamrecApp a;
    private static StreamrecApp b;
    private static Topics topics;
    /** Both instances require it on writes and internal reads, so their own relays must carry it too. */
    private static final String TOKEN = "two-instances-test-token";
    private static final Http http = new Http(TOKEN);

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        // No standbys: with two instances every task would also be restored on the other one,
        // work this test does not look at.
        Map<String, String> overrides = Map.of("streamrec.topic.partitions", "4", "num.standby.replicas", "0",
                "streamrec.http.auth.token", TOKEN);
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "two.", "streamrec-two", overrides);
        topics = config.topics();
        a = StreamrecApp.start(config);
        a.awaitRunning(Duration.ofSeconds(30));
        // Same application id, its own state folder (ItSupport gives each config a fresh one).
        b = StreamrecApp.start(ItSupport.config(kafka.bootstrapServers(), "two.", "streamrec-two", overrides));
        awaitWorkSharedByBoth();
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.catalogue(ITEMS);
        }
        ItSupport.awaitIndexed(http, a, ITEMS);
        ItSupport.awaitIndexed(http, b, ITEMS);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, kafka}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Closing the rest matters more than this failure.
            }
        }
    }

    @Test
    void aLookupSentToTheOtherInstanceIsForwardedToTheOwner() {
        List<String> users = new ArrayList<>();
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = "two-user-" + u;
            users.add(user);
            for (int e = 0; e < EVENTS_PER_USER; e++) {
                events.add(interaction(user, item((u + 3 * e) % ITEMS), EventType.CLICK));
            }
        }
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.interactions(events);
        }
        List<String> ownedByA = users.stream().filter(u -> owner(a, u).equals(hostOf(a))).toList();
        List<String> ownedByB = users.stream().filter(u -> owner(a, u).equals(hostOf(b))).toList();
        assertThat(ownedByA).as("users owned by A").isNotEmpty();
        assertThat(ownedByB).as("users owned by B").isNotEmpty();
        assertThat(ownedByA.size() + ownedByB.size()).isEqualTo(USERS);
        // Both instances must agree on who owns what, or forwarding could not work.
        users.forEach(u -> assertThat(owner(b, u)).as("owner of " + u + " seen from B").isEqualTo(owner(a, u)));

        assertForwarded(ownedByB, b, a);
        assertForwarded(ownedByA, a, b);
    }

    /** Each instance's item side joins a group of its own; either instance shows where both sides' partitions are. */
    @Test
    void theInstancesListShowsBothSidesOfEveryInstance() {
        JsonNode fromA = await("every item-deltas partition held once, as A lists them",
                () -> http.get(a.httpUrl() + "/v1/instances").body(),
                body -> itemDeltaOwners(body) != null && itemDeltaOwners(body).size() == 4);
        JsonNode fromB = await("B listing the same assignment", () -> http.get(b.httpUrl() + "/v1/instances").body(),
                body -> itemDeltaOwners(fromA).equals(itemDeltaOwners(body)));
        assertThat(fromB.get("instances")).hasSize(2);
        for (JsonNode instance : fromB.get("instances")) {
            assertThat(instance.get("active").toString()).as("user side").contains(topics.interactions())
                    .doesNotContain(topics.itemDeltas());
            assertThat(instance.get("itemSide").get("active").toString()).as("item side")
                    .doesNotContain(topics.interactions());
        }
    }

    /** item-deltas partition -> the host:port holding it on the item side; null if one is listed twice. */
    private static Map<String, String> itemDeltaOwners(JsonNode instances) {
        Map<String, String> owners = new HashMap<>();
        for (JsonNode instance : instances.get("instances")) {
            String host = instance.get("host").asText() + ":" + instance.get("port").asInt();
            for (JsonNode partition : instance.get("itemSide").get("active")) {
                if (partition.asText().startsWith(topics.itemDeltas() + "-")
                        && owners.put(partition.asText(), host) != null) {
                    return null;
                }
            }
        }
        return owners;
    }

    @Test
    void aReadYourWritesLookupWaitsOnTheOwnerWhenForwarded() {
        String user = java.util.stream.IntStream.range(0, 100).mapToObj(u -> "two-ryw-" + u)
                .filter(u -> owner(a, u).equals(hostOf(b))).findFirst().orElseThrow();
        Answer posted = http.post(a.httpUrl() + "/v1/events",
                "{\"user\":\"" + user + "\",\"item\":\"" + item(1) + "\",\"type\":\"CLICK\"}");
        assertThat(posted.status()).isEqualTo(202);
        long offset = posted.body().get("offset").asLong();

        Answer relayed = http.get(a.httpUrl() + "/v1/users/" + user + "/recommendations?after="
                + posted.body().get("id").asText() + "&waitMs=5000");
        assertThat(relayed.status()).as(relayed.body().toString()).isEqualTo(200);
        assertThat(relayed.header(SERVED_BY)).isEqualTo(hostOf(b).host() + ":" + hostOf(b).port());
        assertThat(relayed.body().get("lastEventPartition").asInt()).isEqualTo(posted.body().get("partition").asInt());
        assertThat(relayed.body().get("lastEventOffset").asLong()).isGreaterThanOrEqualTo(offset);
        assertThat(relayed.body().get("eventsSeen").asLong()).isEqualTo(1);
    }

    @Test
    void aGroupWhoseMembersLiveOnBothInstancesGetsOneAnswerFromEither() {
        List<String> users = new ArrayList<>();
        Map<String, Set<String>> seen = new HashMap<>();
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            String user = "group-user-" + u;
            users.add(user);
            for (int e = 0; e < EVENTS_PER_USER; e++) {
                String item = item((2 * u + 5 * e) % ITEMS);
                events.add(interaction(user, item, EventType.CLICK));
                seen.computeIfAbsent(user, x -> new HashSet<>()).add(item);
            }
        }
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.interactions(events);
        }
        String onA = users.stream().filter(u -> owner(a, u).equals(hostOf(a))).findFirst().orElseThrow();
        String onB = users.stream().filter(u -> owner(a, u).equals(hostOf(b))).findFirst().orElseThrow();
        for (String member : List.of(onA, onB)) {
            await("state of " + member + " with all its events", () -> http.get(a.httpUrl()
                    + "/v1/internal/users/" + member + "/state").body(), body -> body.path("events").asLong() == EVENTS_PER_USER);
        }
        Set<String> seenByEither = new HashSet<>(seen.get(onA));
        seenByEither.addAll(seen.get(onB));
        for (String strategy : List.of("average", "least_misery", "most_pleasure")) {
            String body = "{\"users\": [\"" + onA + "\", \"" + onB + "\"], \"strategy\": \"" + strategy
                    + "\", \"n\": 8}";
            // Each instance's item index takes the latest item vectors a few ms apart: once it
            // settles, both compute the same list from the same member states. Under the full
            // suite's load settling can outlast a lookup's wait.
            List<Answer> answers = await(strategy + " group answer equal on both instances",
                    () -> List.of(http.post(a.httpUrl() + "/v1/groups/recommendations", body),
                            http.post(b.httpUrl() + "/v1/groups/recommendations", body)),
                    pair -> pair.get(0).status() != 200 || sameList(pair.get(0).body(), pair.get(1).body()),
                    SETTLING);
            Answer fromA = answers.get(0);
            Answer fromB = answers.get(1);
            assertThat(fromA.status()).as(fromA.body().toString()).isEqualTo(200);
            assertThat(fromA.body().get("user").asText()).isEqualTo(onA + "," + onB);
            assertThat(fromA.body().get("personalized").asBoolean()).isTrue();
            assertThat(ItSupport.itemIds(fromA.body())).as(strategy).isNotEmpty().hasSizeLessThanOrEqualTo(8)
                    .doesNotContainAnyElementsOf(seenByEither)
                    .isEqualTo(ItSupport.itemIds(fromB.body()));
            assertThat(sameList(fromA.body(), fromB.body())).as("scores too: " + fromA.body() + " vs "
                    + fromB.body()).isTrue();
            fromA.body().get("items").forEach(entry -> assertThat(entry.get("reason").asText())
                    .matches("for (" + onA + "|" + onB + "): .+"));
        }
        String path = "/v1/groups/recommendations";
        for (String bad : List.of("{\"users\": []}", "{\"strategy\": \"average\"}",
                "{\"users\": [\"" + onA + "\"], \"strategy\": \"dictator\"}",
                "{\"users\": [\"" + onA + "\"], \"n\": 0}", "{\"users\": [\"" + onA + "\"], \"n\": 101}")) {
            Answer answer = http.post(a.httpUrl() + path, bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).as(bad).isNotBlank();
        }
    }

    /** For each user owned by {@code owner}, asking {@code other} gives exactly the owner's own answer. */
    private static void assertForwarded(List<String> users, StreamrecApp owner, StreamrecApp other) {
        for (String user : users) {
            String path = "/v1/users/" + user + "/recommendations?n=10";
            // Settled first, so both lookups below read the same stored list.
            JsonNode local = await("final list of " + user + " on its owner",
                    () -> http.get(owner.httpUrl() + path).body(),
                    body -> body.path("eventsSeen").asLong() == EVENTS_PER_USER);
            Answer direct = http.get(owner.httpUrl() + path);
            Answer relayed = http.get(other.httpUrl() + path);

            assertThat(direct.header(SERVED_BY)).as("answered locally").isNull();
            assertThat(relayed.status()).isEqualTo(200);
            assertThat(relayed.header(SERVED_BY)).as("relayed by " + other.httpUrl())
                    .isEqualTo(hostOf(owner).host() + ":" + hostOf(owner).port());
            assertThat(relayed.body()).isEqualTo(direct.body()).isEqualTo(local);
            assertThat(relayed.body().get("personalized").asBoolean()).isTrue();
            assertThat(relayed.body().get("items")).isNotEmpty();
        }
    }

    private static HostInfo owner(StreamrecApp app, String user) {
        KeyQueryMetadata metadata = app.streams().queryMetadataForKey(StoreNames.RECOMMENDATIONS, user,
                new StringSerializer());
        return metadata.activeHost();
    }

    private static HostInfo hostOf(StreamrecApp app) {
        String url = app.httpUrl();
        String hostPort = url.substring(url.indexOf("://") + 3);
        int colon = hostPort.lastIndexOf(':');
        return new HostInfo(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /**
     * Both running, the partitions of `interactions` split between them, and both reporting the
     * same assignment for half a second. Cooperative rebalancing passes through intermediate
     * assignments during which both can briefly be RUNNING; only a stable one is the settled one.
     */
    private static void awaitWorkSharedByBoth() {
        Set<HostInfo> both = Set.of(hostOf(a), hostOf(b));
        Assignment[] previous = {null};
        await("both instances RUNNING with a stable split of " + topics.interactions(), () -> {
            Map<HostInfo, Set<TopicPartition>> view = activePartitions(a);
            boolean settled = a.streams().state() == KafkaStreams.State.RUNNING
                    && b.streams().state() == KafkaStreams.State.RUNNING
                    && view.equals(activePartitions(b)) && interactionsOwners(view).equals(both);
            Assignment now = new Assignment(view, settled, previous[0] != null && previous[0].view().equals(view)
                    && previous[0].settled() == settled ? previous[0].since() : System.nanoTime());
            previous[0] = now;
            return now;
        }, now -> now.settled() && System.nanoTime() - now.since() >= Duration.ofMillis(500).toNanos());
    }

    private record Assignment(Map<HostInfo, Set<TopicPartition>> view, boolean settled, long since) {}

    private static Map<HostInfo, Set<TopicPartition>> activePartitions(StreamrecApp app) {
        return app.streams().metadataForAllStreamsClients().stream()
                .collect(Collectors.toMap(StreamsMetadata::hostInfo, StreamsMetadata::topicPartitions));
    }

    private static Set<HostInfo> interactionsOwners(Map<HostInfo, Set<TopicPartition>> view) {
        return view.entrySet().stream()
                .filter(e -> e.getValue().stream().map(TopicPartition::topic).anyMatch(topics.interactions()::equals))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * The same items in the same order with the same scores, up to rounding: each instance decays
     * popularity to its own clock's millisecond, which moves the last bits of a score.
     */
    private static boolean sameList(JsonNode x, JsonNode y) {
        if (!ItSupport.itemIds(x).equals(ItSupport.itemIds(y))) {
            return false;
        }
        for (int k = 0; k < x.get("items").size(); k++) {
            double a = x.get("items").get(k).get("score").asDouble();
            double b = y.get("items").get(k).get("score").asDouble();
            if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
                return false;
            }
        }
        return true;
    }
}
