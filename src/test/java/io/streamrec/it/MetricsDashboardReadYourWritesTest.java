package io.streamrec.it;

import static io.streamrec.it.ItSupport.await;
import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.demo.DemoTraffic;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.ItSupport.SingleInstance;
import io.streamrec.topology.Topics;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * On a real broker: /metrics and /v1/stats count exactly what was produced; a lookup with after=
 * waits until the list reflects the posted event; the dashboard, in headless Chromium, shows
 * it all. One broker and app for the class, since starting them is what costs. The methods run
 * in order, each waiting for its own events, so the counter differences one measures are its
 * own; the browser tests come last, as they need demo traffic flowing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsDashboardReadYourWritesTest {
    private static final int ITEMS = 30;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    private static SingleInstance instance;
    private static EmbeddedKafka kafka;
    private static StreamrecApp app;
    private static Topics topics;
    private static String api;
    private static final Http http = new Http();
    private static final HttpClient text = HttpClient.newHttpClient();
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static DemoTraffic traffic;
    private static Path chromium;

    @BeforeAll
    static void start() throws Exception {
        instance = SingleInstance.start("obs.", "streamrec-obs", Map.of());
        kafka = instance.kafka();
        topics = instance.topics();
        app = instance.app();
        api = instance.api();
        instance.catalogue(http, ITEMS);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    @Order(1)
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
        Map<String, Double> after = await("every produced record counted on /metrics",
                MetricsDashboardReadYourWritesTest::scrape,
                now -> expected.entrySet().stream().allMatch(e -> delta(before, now, e.getKey()) >= e.getValue()));
        expected.forEach((series, count) -> assertThat(delta(before, after, series)).as(series).isEqualTo(count));
        assertThat(delta(before, after, "streamrec_events_learned_total{type=\"ADD_TO_CART\"}")).isZero();
        assertThat(delta(before, after, "streamrec_dead_letters_total{reason=\"other\"}")).isZero();

        // One refresh per user (the purchase refreshes at once, replacing the pending debounced one): each timed.
        Map<String, Double> refreshed = await("the users' lists refreshed", MetricsDashboardReadYourWritesTest::scrape,
                now -> delta(before, now, "streamrec_refresh_seconds_count") >= 3);
        assertThat(refreshed.get("streamrec_refresh_seconds_sum")).isPositive();
        assertThat(refreshed.keySet()).anyMatch(k -> k.startsWith("streamrec_refresh_seconds_bucket{le="));
        assertThat(refreshed.get("streamrec_item_index_items")).isEqualTo(ITEMS);
        assertThat(refreshed.keySet()).as("Kafka Streams' own metrics")
                .anyMatch(k -> k.startsWith("kafka_stream_alive_stream_threads{"));
        assertThat(refreshed.keySet()).anyMatch(k -> k.startsWith("kafka_stream_thread_process_total"));
        assertThat(refreshed.keySet()).anyMatch(k -> k.startsWith("kafka_consumer_"));
        assertThat(refreshed.keySet()).as("HTTP latency per route, by template").anyMatch(k ->
                k.startsWith("streamrec_http_requests_seconds_count{") && k.contains("route=\"/metrics\""));

        // A live test: an event on the item ranked first in the user's list is a hit at every N. Three
        // refreshes do not mean the purchase's: a debounced one after the first events may be among them,
        // and the list it made may still name the item bought next, which would be no test (seen).
        JsonNode list = await("metrics-user-0's list reflecting its four events",
                () -> http.get(api + "/v1/users/metrics-user-0/recommendations?n=1").body(),
                body -> body.path("eventsSeen").asLong() >= 4);
        assertThat(list.path("personalized").asBoolean()).isTrue();
        String top = list.get("items").get(0).get("item").asText();
        Map<String, Double> beforeHit = scrape();
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            producer.interaction(interaction("metrics-user-0", top, EventType.ADD_TO_CART));
        }
        // A scrape reads the counters one by one while the stream thread counts: one showing the event
        // learned may come with another read just before its live test was counted. Wait for all of them.
        List<String> counted = List.of("streamrec_events_learned_total{type=\"ADD_TO_CART\"}",
                "streamrec_live_tests_total{type=\"ADD_TO_CART\"}",
                "streamrec_live_hits_total{at=\"10\",type=\"ADD_TO_CART\"}",
                "streamrec_live_hits_total{at=\"20\",type=\"ADD_TO_CART\"}",
                "streamrec_live_hits_total{at=\"50\",type=\"ADD_TO_CART\"}");
        Map<String, Double> afterHit = await("the event learned and its live test counted",
                MetricsDashboardReadYourWritesTest::scrape,
                now -> counted.stream().allMatch(series -> delta(beforeHit, now, series) >= 1));
        assertThat(delta(beforeHit, afterHit, "streamrec_live_tests_total{type=\"ADD_TO_CART\"}")).isEqualTo(1.0);
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
        assertThat(stats.get("newUserOrder").asText()).isIn("trending", "all_time", "both");
        assertThat(stats.has("newUserPicks")).isTrue();
        assertThat(stats.has("youngUserPicks")).isTrue();
        assertThat(stats.get("history").isArray()).isTrue();
    }

    @Test
    @Order(2)
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
    @Order(3)
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

    @Test
    @Order(10)
    void theDashboardScriptFillsInTrendingItemsChartsAndAUsersListWithReasons() throws Exception {
        assumeDemoTrafficInABrowser();
        String dom = run("--dump-dom", page());

        assertThat(count(dom, "class=\"trending-item\"")).as("trending items").isEqualTo(10);
        assertThat(polylinePoints(dom, "events-chart")).as("points of the events/s chart").isGreaterThanOrEqualTo(3);
        assertThat(polylinePoints(dom, "hr-chart")).as("points of the live HR chart").isGreaterThanOrEqualTo(1);
        assertThat(count(dom, "class=\"rec\"")).as("rows of demo-user-1's list").isEqualTo(10);
        assertThat(dom).containsPattern("because you (viewed|clicked|added|bought)");
        Matcher eps = Pattern.compile("id=\"eps\">([^<]*)<").matcher(dom);
        assertThat(eps.find()).isTrue();
        assertThat(eps.group(1)).as("events/s tile").matches("[0-9.,]+");
        assertThat(dom).doesNotContain("unavailable");
    }

    @Test
    @Order(11)
    void theDashboardScreenshotIsThePageAtTheWindowSizeAndNotBlank() throws Exception {
        assumeDemoTrafficInABrowser();
        Path png = Path.of("target", "dashboard-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run("--screenshot=" + png, page());

        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < HEIGHT; y += 2) {
            for (int x = 0; x < WIDTH; x += 2) {
                colours.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        int pixels = (WIDTH / 2) * (HEIGHT / 2);
        int background = colours.values().stream().max(Integer::compare).orElse(0);
        assertThat(colours.size()).as("distinct colours: text, charts and panels, not a blank page").isGreaterThan(50);
        assertThat(pixels - background).as("pixels other than the most common colour").isGreaterThan(pixels / 10);
        System.out.println("DASHBOARD screenshot " + png + ": " + image.getWidth() + "x" + image.getHeight() + ", "
                + colours.size() + " colours");
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
    /**
     * Skips without Chromium (`.ci/run` installs Debian's); else makes sure demo traffic flows,
     * with a few seconds of history and a list for the user the page looks up.
     */
    private static void assumeDemoTrafficInABrowser() {
        if (chromium == null) {
            chromium = findChromium();
        }
        assumeTrue(chromium != null, "no chromium on PATH: dashboard browser test skipped");
        if (traffic == null) {
            traffic = new DemoTraffic(kafka.bootstrapServers(), topics, 20, 50, 100, 7).start();
        }
        ItSupport.awaitIndexed(http, app, ITEMS + 50);
        await("a few seconds of demo events in the history", () -> http.get(api + "/v1/stats").body(),
                stats -> stats.path("history").size() >= 4 && stats.path("eventsPerSecond").asDouble() > 0);
        await("a list for demo-user-1", () -> http.get(api + "/v1/users/demo-user-1/recommendations").body(),
                list -> list.path("personalized").asBoolean());
    }

    private static String page() {
        return api + "/?user=demo-user-1";
    }

    /** One headless Chromium run with a fresh profile; its standard output. */
    private static String run(String action, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars",
                // Lets the page's fetches and timers run for 5 s of page time before the dump or shot.
                "--virtual-time-budget=5000", action, url));
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit code; its log is " + log).isZero();
        return out;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    /** Points of the polyline inside the svg with this id, 0 when there is none. */
    private static int polylinePoints(String dom, String svgId) {
        Matcher m = Pattern.compile("<svg id=\"" + svgId + "\"[^>]*>.*?<polyline points=\"([^\"]*)\"", Pattern.DOTALL)
                .matcher(dom);
        if (!m.find() || !dom.substring(m.start(), m.end()).contains("<polyline")) {
            return 0;
        }
        String section = dom.substring(m.start(), dom.indexOf("</svg>", m.start()));
        if (!section.contains("<polyline")) {
            return 0;
        }
        return m.group(1).trim().split("\\s+").length;
    }

    private static Path findChromium() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).flatMap(dir -> Stream.of("chromium", "chromium-browser")
                .map(name -> Path.of(dir, name))).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
