package io.streamrec.it;

import static io.streamrec.it.ItSupport.await;
import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.RejectedEvent;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.ItSupport.SingleInstance;
import io.streamrec.it.ItSupport.TopicReader;
import io.streamrec.topology.Topics;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop on a real broker, with the default exactly-once processing: Avro events in,
 * refreshed lists out on `recommendations` and over HTTP. One broker and one app for the
 * class, since starting them is what costs; each test uses its own users.
 */
class EndToEndTest {
    private static final int ITEMS = 30;

    private static SingleInstance instance;
    private static EmbeddedKafka kafka;
    private static StreamrecApp app;
    private static Topics topics;
    private static String api;
    private static final Http http = new Http();

    @BeforeAll
    static void start() throws Exception {
        instance = SingleInstance.start("e2e.", "streamrec-e2e", Map.of());
        kafka = instance.kafka();
        topics = instance.topics();
        app = instance.app();
        api = instance.api();
        instance.catalogue(http, ITEMS);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void publishedEventsYieldARefreshedListOnTheTopicAndOverHttp() {
        ItSupport.assertEventsBecomeRecommendations(kafka.bootstrapServers(), topics, app, "alice");
    }

    @Test
    void anEventPostedOverHttpIsSoonReflectedInTheUsersList() {
        String user = "latency-user";
        List<Long> latencies = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        long eventsSeen = 0;
        for (int i = 0; i < 20; i++) {
            touched.add(item(i));
            long start = System.nanoTime();
            Answer posted = http.post(api + "/v1/events",
                    "{\"user\":\"" + user + "\",\"item\":\"" + item(i) + "\",\"type\":\"CLICK\"}");
            assertThat(posted.status()).as(posted.body().toString()).isEqualTo(202);
            assertThat(posted.body().get("topic").asText()).isEqualTo(topics.interactions());
            assertThat(posted.body().get("id").asText()).isNotBlank();
            long offset = posted.body().get("offset").asLong();
            long before = eventsSeen;
            JsonNode list = await("list of " + user + " reflecting offset " + offset,
                    () -> http.get(api + "/v1/users/" + user + "/recommendations?n=10").body(),
                    body -> body.path("lastEventOffset").asLong(-1) >= offset
                            && body.path("eventsSeen").asLong() > before);
            latencies.add((System.nanoTime() - start) / 1_000_000);
            eventsSeen = list.get("eventsSeen").asLong();
            assertThat(list.get("personalized").asBoolean()).isTrue();
            assertThat(ItSupport.itemIds(list)).doesNotContainAnyElementsOf(touched);
        }
        assertThat(eventsSeen).isEqualTo(20);
        Collections.sort(latencies);
        // Printed, not asserted: timing depends on the machine; the 10 s deadline above is the only bound.
        System.out.printf("event-to-recommendation latency (POST /v1/events -> GET lists it, exactly-once, "
                        + "debounce 50 ms, %d events): median %d ms, max %d ms%n", latencies.size(),
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextEventIsStillApplied() {
        String user = "bob";
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        // Not the single-object marker (C3 01), so the bytes cannot pass for an Avro record.
        garbage[0] = 0;
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics);
             TopicReader<RejectedEvent> rejected = new TopicReader<>(kafka.bootstrapServers(), topics.rejected(),
                     AvroSerdes.REJECTED)) {
            RecordMetadata bad = producer.send(topics.interactions(), user, garbage);
            RecordMetadata good = producer.interaction(interaction(user, item(3), EventType.VIEW));
            assertThat(good.partition()).isEqualTo(bad.partition());

            RejectedEvent dead = rejected.await("the malformed record on " + topics.rejected(),
                    r -> r.value().getOffset() == bad.offset() && r.value().getPartition() == bad.partition()
                            && r.value().getTopic().equals(topics.interactions())).value();
            assertThat(dead.getReason()).contains("malformed");
            assertThat(dead.getValue()).isEqualTo(ByteBuffer.wrap(garbage));

            JsonNode list = await("list of " + user + " reflecting the good event",
                    () -> http.get(api + "/v1/users/" + user + "/recommendations").body(),
                    body -> body.path("lastEventOffset").asLong(-1) >= good.offset());
            assertThat(list.get("eventsSeen").asLong()).isEqualTo(1);
            assertThat(ItSupport.itemIds(list)).doesNotContain(item(3));
        }
    }

    @Test
    void anEventNotKeyedByItsUserStillReachesThatUser() {
        String user = "carol";
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            RecordMetadata sent = producer.send(topics.interactions(), "session-42",
                    AvroSerdes.INTERACTION.encode(interaction(user, item(7), EventType.CLICK)));
            JsonNode list = await("list of " + user + " after an event keyed by something else",
                    () -> http.get(api + "/v1/users/" + user + "/recommendations").body(),
                    body -> body.path("eventsSeen").asLong() == 1);
            // Where the producer put it, so a client can wait for its own event to be reflected.
            assertThat(list.get("lastEventPartition").asInt()).isEqualTo(sent.partition());
            assertThat(list.get("lastEventOffset").asLong()).isEqualTo(sent.offset());
            assertThat(list.get("personalized").asBoolean()).isTrue();
            assertThat(ItSupport.itemIds(list)).doesNotContain(item(7));
        }
    }

    @Test
    void badParametersAre400WithAMessage() {
        assertBadRequest(http.get(api + "/v1/users/alice/recommendations?n=0"));
        assertBadRequest(http.get(api + "/v1/users/alice/recommendations?n=abc"));
        assertBadRequest(http.get(api + "/v1/users/alice/recommendations?n=100000"));
        assertBadRequest(http.get(api + "/v1/trending?n=0"));
        assertBadRequest(http.post(api + "/v1/events", "{\"user\":\"u1\",\"item\":"));
        assertBadRequest(http.post(api + "/v1/events", "{\"user\":\"u1\",\"item\":\"i9\",\"type\":\"TELEPORT\"}"));
        assertBadRequest(http.post(api + "/v1/events", "{\"item\":\"i9\",\"type\":\"CLICK\"}"));
    }

    @Test
    void healthTrendingAndSimilarAnswer() {
        Answer health = http.get(api + "/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");

        Answer trending = http.get(api + "/v1/trending?n=5");
        assertThat(trending.status()).isEqualTo(200);
        assertThat(trending.body().get("personalized").asBoolean()).isFalse();
        assertThat(trending.body().get("items").isArray()).isTrue();
        assertThat(trending.body().get("items").size()).isBetween(1, 5);

        Answer similar = http.get(api + "/v1/items/" + item(1) + "/similar?n=5");
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.body().get("item").asText()).isEqualTo(item(1));
        assertThat(similar.body().get("items").isArray()).isTrue();
        assertThat(ItSupport.itemIds(similar.body())).doesNotContain(item(1)).hasSizeLessThanOrEqualTo(5);

        Answer unknown = http.get(api + "/v1/items/no-such-item/similar");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asText()).contains("no-such-item");

        Answer noRoute = http.get(api + "/v1/no-such-endpoint");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.body().get("error").asText()).contains("/v1/no-such-endpoint");

        Answer instances = http.get(api + "/v1/instances");
        assertThat(instances.status()).isEqualTo(200);
        assertThat(instances.body().get("instances")).hasSize(1);
        // The item side joins its own group; once assigned, the one instance holds all of both sides.
        JsonNode self = await("the item side's partitions on /v1/instances",
                () -> http.get(api + "/v1/instances").body().get("instances").get(0),
                instance -> instance.get("itemSide").get("active").size() > 0);
        assertThat(self.get("self").asBoolean()).isTrue();
        assertThat(self.get("active").toString()).contains(topics.interactions() + "-0")
                .doesNotContain(topics.itemDeltas());
        assertThat(self.get("itemSide").get("active").toString()).contains(topics.itemDeltas() + "-0")
                .contains(topics.items() + "-0").doesNotContain(topics.interactions());
    }

    @Test
    void aUserWithoutHistoryGetsTrendingMarkedAsNotPersonalized() {
        Answer answer = http.get(api + "/v1/users/nobody-" + System.nanoTime() + "/recommendations?n=5");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("personalized").asBoolean()).isFalse();
        assertThat(answer.body().get("items").isArray()).isTrue();
        assertThat(answer.body().get("items").size()).isBetween(1, 5);
    }

    private static void assertBadRequest(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isNotBlank();
    }
}
