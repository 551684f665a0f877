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
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics and /v1/stats count exactly what was produced, and a lookup with after= waits until
 * the list reflects the posted event, on a real broker. The test methods run one after another
 * and each waits for its own events, so the counter differences one method measures are its own.
 */
class MetricsAndReadYourWritesTest {
    private static final int ITEMS = 30;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    private static EmbeddedKafka kafka;
    private static StreamrecApp app;
    private static Topics topics;
    private static String api;
    private static final Http http = new Http();
    private static final HttpClient text = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        StreamrecConfig config = ItSupport.config(kafka.bootstrapServers(), "obs.", "streamrec-obs", Map.of());
        topics = config.topics();
        app = StreamrecApp.start(config);
        app.awaitRunning(Duration.ofSeconds(30));
        api = app.httpUrl();
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.catalogue(ITEMS);
        }
        ItSupport.awaitIndexed(http, app, ITEMS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void metricsCountWhatWasProducedInEachFamily() {
        Map<String, Double> before = scrape();
        List<Interaction> good = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            String user = "metrics-user-" + u;
            good.add(interaction(user, item(u), EventType.VIEW));
            good.add(interaction(user, item(u + 5), EventType.VIEW));
            good.add(interaction(user, item(u + 10), EventType.CLICK));
        }
        good.add(interaction("metrics-user-0", item(20), EventType.PURCHASE));
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.interactions(good);
            producer.send(topics.interactions(), "bad-1", "not avro".getBytes(StandardCharsets.UTF_8));
            producer.send(topics.interactions(), "bad-2", new byte[] {(byte) 0xC3, 0x01, 7});
            producer.send(topics.interactions(), "bad-3", encode(interaction("bad-3", item(1), EventType.UNKNOWN)));
            producer.send(topics.interactions(), "bad-4", encode(interaction("bad-4", "", EventType.CLICK)));
            Interaction nan = interaction("bad-5", item(1), EventType.VIEW);
            nan.setValue(Double.NaN);
            producer.send(topics.interactions(), "bad-5", encode(nan));
            Interaction ancient = interaction("bad-6", item(1), EventType.VIEW);
            ancient.setTimestamp(Instant.ofEpochSecond(1_700_000_000L / 1000));
            producer.send(topics.interactions(), "bad-6", encode(ancient));
        }
        Map<String, Double> expected = new HashMap<>();
        expected.put("streamrec_events_learned_total{type=\"VIEW\"}", 6.0);
        expected.put("streamrec_events_learned_total{type=\"CLICK\"}", 3.0);
        expected.put("streamrec_events_learned_total{type=\"PURCHASE\"}", 1.0);
        expected.put("streamrec_dead_letters_total{reason=\"malformed\"}", 2.0);
        expected.put("streamrec_dead_letters_total{reason=\"unknown_type\"}", 1.0);
        expected.put("streamrec_dead_letters_total{reason=\"bad_id\"}", 1.0);
        expected.put("streamrec_dead_letters_total{reason=\"non_finite\"}", 1.0);
        expected.put("streamrec_dead_letters_total{reason=\"bad_timestamp\"}", 1.0);
        Map<String, Double> after = await("every produced record counted on /metrics", MetricsAndReadYourWritesTest::scrape,
                now -> expected.entrySet().stream().allMatch(e -> delta(before, now, e.getKey()) >= e.getValue()));
        expected.forEach((series, count) -> assertThat(delta(before, after, series)).as(series).isEqualTo(count));
        assertThat(delta(before, after, "streamrec_events_learned_total{type=\"ADD_TO_CART\"}")).isZero();
        assertThat(delta(before, after, "streamrec_dead_letters_total{reason=\"other\"}")).isZero();

        // One refresh per user (the purchase refreshes at once, replacing the pending debounced one): each timed.
        Map<String, Double> refreshed = await("the users' lists refreshed", MetricsAndReadYourWritesTest::scrape,
                now -> delta(before, now, "streamrec_refresh_seconds_count") >= 3);
        assertThat(refreshed.get("streamrec_refresh_seconds_sum")).isPositive();
        assertThat(refreshed.keySet()).anyMatch(k -> k.startsWith("streamrec_refresh_seconds_bucket{le="));
        assertThat(refreshed.get("streamrec_item_index_items")).isEqualTo(ITEMS);
        assertThat(refreshed.keySet()).as("Kafka Streams' own metrics").anyMatch(k -> k.startsWith("kafka_stream_alive_stream_threads{"));
        assertThat(refreshed.keySet()).anyMatch(k -> k.startsWith("kafka_stream_thread_process_total"));
        assertThat(refreshed.keySet()).anyMatch(k -> k.startsWith("kafka_consumer_"));
        assertThat(refreshed.keySet()).as("HTTP latency per route, by template").anyMatch(k ->
                k.startsWith("streamrec_http_requests_seconds_count{") && k.contains("route=\"/metrics\""));

        // A live test: an event on the item ranked first in the user's list is a hit at every N.
        JsonNode list = http.get(api + "/v1/users/metrics-user-0/recommendations?n=1").body();
        assertThat(list.path("personalized").asBoolean()).isTrue();
        String top = list.get("items").get(0).get("item").asText();
        Map<String, Double> beforeHit = scrape();
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.interaction(interaction("metrics-user-0", top, EventType.ADD_TO_CART));
        }
        Map<String, Double> afterHit = await("the live test counted", MetricsAndReadYourWritesTest::scrape,
                now -> delta(beforeHit, now, "streamrec_live_tests_total{type=\"ADD_TO_CART\"}") >= 1);
        for (String at : List.of("10", "20", "50")) {
            assertThat(delta(beforeHit, afterHit, "streamrec_live_hits_total{at=\"" + at + "\",type=\"ADD_TO_CART\"}"))
                    .as("hit at " + at).isEqualTo(1.0);
        }

        // The dashboard's JSON tells the same totals.
        JsonNode stats = http.get(api + "/v1/stats").body();
        double learned = afterHit.entrySet().stream().filter(e -> e.getKey().startsWith("streamrec_events_learned_total"))
                .mapToDouble(Map.Entry::getValue).sum();
        assertThat(stats.get("eventsLearned").asDouble()).isEqualTo(learned);
        assertThat(stats.get("deadLettered").asLong()).isEqualTo(6);
        assertThat(stats.get("deadLetteredByReason").get("malformed").asLong()).isEqualTo(2);
        assertThat(stats.get("eventsLearnedByType").get("VIEW").asLong()).isEqualTo(6);
        assertThat(stats.get("liveQuality").get("at").asInt()).isEqualTo(20);
        assertThat(stats.get("liveQuality").get("tests").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("liveQuality").get("byType").get("ADD_TO_CART").get("hits").get("20").asLong()).isEqualTo(1);
        assertThat(stats.get("indexedItems").asInt()).isEqualTo(ITEMS);
        assertThat(stats.get("history").isArray()).isTrue();
    }

    @Test
    void aLookupAfterAPostedEventAnswersWithAListReflectingIt() {
        String user = "ryw-user";
        List<Long> waits = new ArrayList<>();
        for (int e = 0; e < 5; e++) {
            long started = System.nanoTime();
            Answer posted = http.post(api + "/v1/events", "{\"user\":\"" + user + "\",\"item\":\"" + item(e + 1)
                    + "\",\"type\":\"CLICK\"}");
            assertThat(posted.status()).isEqualTo(202);
            Answer list = http.get(api + "/v1/users/" + user + "/recommendations?after="
                    + posted.body().get("id").asText() + "&waitMs=5000");
            waits.add((System.nanoTime() - started) / 1_000_000);
            assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
            assertThat(list.body().get("lastEventPartition").asInt()).isEqualTo(posted.body().get("partition").asInt());
            assertThat(list.body().get("lastEventOffset").asLong()).isGreaterThanOrEqualTo(
                    posted.body().get("offset").asLong());
            assertThat(list.body().get("eventsSeen").asLong()).isEqualTo(e + 1);
            assertThat(ItSupport.itemIds(list.body())).doesNotContain(item(e + 1));
        }
        Collections.sort(waits);
        System.out.println("READ-YOUR-WRITES POST -> list reflecting it: median " + waits.get(waits.size() / 2)
                + " ms, all " + waits + " (debounce 50 ms, CLICK events)");
    }

    @Test
    void aLookupForAnEventNotYetReflectedAnswers504InTimeAndBadParametersAre400() {
        Answer posted = http.post(api + "/v1/events", "{\"user\":\"late-user\",\"item\":\"" + item(2)
                + "\",\"type\":\"PURCHASE\"}");
        String partition = posted.body().get("partition").asText();
        long farFuture = posted.body().get("offset").asLong() + 1_000_000;
        String path = api + "/v1/users/late-user/recommendations";

        long started = System.nanoTime();
        Answer late = http.get(path + "?after=" + topics.interactions() + "-" + partition + "-" + farFuture + "&waitMs=300");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(late.status()).isEqualTo(504);
        assertThat(late.body().get("error").asText()).contains("does not reflect event").contains("after 300 ms");
        assertThat(tookMs).as("it waited before giving up").isGreaterThanOrEqualTo(300);

        for (String query : List.of("after=bogus", "after=" + topics.items() + "-0-1", "after=" + topics.interactions()
                + "-0-1&waitMs=-1", "after=" + topics.interactions() + "-0-1&waitMs=10001", "waitMs=100")) {
            Answer bad = http.get(path + "?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.body().get("error").asText()).as(query).isNotBlank();
        }
    }

    private static byte[] encode(Interaction event) {
        return AvroSerdes.INTERACTION.encode(event);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    /** /metrics as series (name plus labels, exactly as printed) to value; checks it is Prometheus text. */
    private static Map<String, Double> scrape() {
        try {
            HttpResponse<String> response = text.send(HttpRequest.newBuilder(URI.create(api + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            Map<String, Double> series = new HashMap<>();
            Matcher m = SAMPLE.matcher(response.body());
            while (m.find()) {
                series.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
