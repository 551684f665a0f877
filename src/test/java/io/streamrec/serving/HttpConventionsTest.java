package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.avro.Interaction;
import io.streamrec.events.AvroSerdes;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conventions every endpoint keeps, through the real HTTP server: 405 with Allow, OPTIONS
 * and HEAD, every refusal as {@code {"error": ...}} JSON whoever refuses (a resource, Javalin or
 * Jetty), unknown query parameters and duplicate JSON keys refused, ids that are not Unicode
 * refused, one limit for n, and no wait on a partition the topic lacks.
 */
class HttpConventionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "{\"user\":\"u1\",\"item\":\"i9\",\"type\":\"CLICK\"}";

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpOnlyInstance instance;

    @BeforeEach
    void start() throws Exception {
        instance = new HttpOnlyInstance("");
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void aMethodAPathDoesNotTakeIs405NamingTheOnesItDoes() throws Exception {
        Reply delete = send("DELETE", "/v1/trending", null);
        assertError(delete, 405, "DELETE is not allowed on /v1/trending");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        Reply get = send("GET", "/v1/events", null);
        assertError(get, 405, "allowed: OPTIONS, POST");
        assertThat(get.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
        Reply head = send("HEAD", "/v1/events", null);
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
        assertThat(send("PATCH", "/v1/items/i1", "{}").headers().firstValue("Allow"))
                .hasValue("DELETE, GET, HEAD, OPTIONS, PUT");
    }

    @Test
    void optionsAnswers204WithAllowAndHeadAnswersLikeGetWithoutTheBody() throws Exception {
        Reply options = send("OPTIONS", "/v1/users/u1/recommendations", null);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        Reply head = send("HEAD", "/v1/trending?n=3", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(head.body()).isEmpty();
        assertError(send("HEAD", "/v1/trending?n=0", null), 400, null);
    }

    @Test
    void everyRefusalIsAJsonErrorWhoeverRefuses() throws Exception {
        assertError(send("GET", "/v1/nothing-here", null), 404, "Endpoint GET /v1/nothing-here not found");
        // Javalin's body limit (1 MB): a body just over it, which the socket buffers take whole, so the
        // refusal never races a client still writing into the connection the server has closed.
        assertError(send("POST", "/v1/events", "[" + (EVENT + ",").repeat(30_000) + EVENT + "]"), 413, null);
        // Jetty's refusals, before any route: a NUL, bytes that are not UTF-8, a 20,000-character path.
        assertError(raw("/v1/items/a%00b"), 400, "Bad Request");
        assertError(raw("/v1/items/%C3%28/similar"), 400, "Bad Request");
        Reply tooLong = raw("/v1/items/" + "x".repeat(20_000));
        assertError(tooLong, 414, "URI Too Long");
        assertThat(tooLong.body()).hasSizeLessThan(500).doesNotContain("xxxxxxxxxx");
    }

    @Test
    void aQueryParameterTheEndpointDoesNotReadIs400NamingIt() throws Exception {
        Reply typo = send("GET", "/v1/trending?n=5&maxPerCategry=2", null);
        assertError(typo, 400, "unknown query parameter 'maxPerCategry'");
        assertThat(error(typo)).contains("this endpoint takes").contains("maxPerCategory");
        assertError(send("GET", "/health?verbose=1", null), 400, "this endpoint takes none");
        assertThat(send("GET", "/v1/trending?n=5&maxPerCategory=2", null).statusCode()).isEqualTo(200);
        assertError(send("POST", "/v1/events?dryRun=true", EVENT), 400, "'dryRun'");
        assertThat(instance.producer.history()).isEmpty();
    }

    @Test
    void aKeyGivenTwiceInABodyIs400() throws Exception {
        assertError(send("POST", "/v1/events", "{\"user\":\"u1\",\"user\":\"u2\",\"item\":\"i9\",\"type\":\"CLICK\"}"),
                400, "Duplicate field 'user'");
        assertError(send("POST", "/v1/recommendations/context", "{\"items\":[\"a\"],\"n\":3,\"n\":4}"), 400,
                "Duplicate field 'n'");
        assertThat(instance.producer.history()).isEmpty();
    }

    @Test
    void anIdThatIsNotUnicodeIs400AndNothingIsPublished() throws Exception {
        assertError(send("POST", "/v1/events", "{\"user\":\"\\ud800\",\"item\":\"i9\",\"type\":\"CLICK\"}"), 400,
                "user id is not valid Unicode: unpaired surrogate \\ud800 at index 0");
        assertError(send("POST", "/v1/events", "{\"user\":\"u1\",\"item\":\"a\\udc00\",\"type\":\"VIEW\"}"), 400,
                "item id is not valid Unicode");
        byte[] notUtf8 = "{\"user\":\"u\u00e9\",\"item\":\"i9\",\"type\":\"CLICK\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertError(Reply.of(client.send(HttpRequest.newBuilder(URI.create(instance.url() + "/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8)).build(), HttpResponse.BodyHandlers.ofString())),
                400, "body is not valid JSON: Invalid UTF-8");
        // The surrogate's UTF-8-like encoding is not UTF-8: refused before any route, as JSON.
        assertError(raw("/v1/users/%ED%A0%80/recommendations"), 400, null);
        assertError(send("POST", "/v1/groups/recommendations", "{\"users\":[\"ok\",\"\\ud800x\"]}"), 400,
                "users[1] is not valid Unicode");
        assertThat(instance.producer.history()).isEmpty();

        String pair = "{\"user\":\"\\ud83d\\ude00\",\"item\":\"i9\",\"type\":\"CLICK\"}";
        assertThat(send("POST", "/v1/events", pair).statusCode()).as("a surrogate pair is fine").isEqualTo(202);
        Interaction stored = AvroSerdes.INTERACTION.decode(instance.producer.history().get(0).value());
        assertThat(stored.getUser()).isEqualTo("\ud83d\ude00");
    }

    @Test
    void nHasOneLimitEverywhereTheConfiguredListSize() throws Exception {
        int max = instance.settings.refresh().listSize();
        for (String path : new String[] {"/v1/trending", "/v1/users/u1/recommendations", "/v1/items/i1/similar",
                "/v1/users/u1/because/i1"}) {
            assertError(send("GET", path + "?n=" + (max + 1), null), 400, "n must be between 1 and " + max);
        }
        assertError(send("POST", "/v1/recommendations/context", "{\"items\":[\"a\"],\"n\":" + (max + 1) + "}"), 400,
                "n must be between 1 and " + max);
        assertThat(send("GET", "/v1/trending?n=" + max, null).statusCode()).isEqualTo(200);
    }

    @Test
    void waitingForAnEventOnAPartitionTheTopicLacksIs400() throws Exception {
        Reply answer = send("GET", "/v1/users/u1/recommendations?after=interactions-9-1", null);
        assertError(answer, 400, "after names partition 9, but topic 'interactions' has partitions 0.."
                + (HttpOnlyInstance.PARTITIONS - 1));
    }

    @Test
    void aScrapeHoldsAFewLatencyBucketsPerSeries() throws Exception {
        for (String path : new String[] {"/v1/trending", "/health", "/v1/nothing", "/v1/trending?n=0"}) {
            send("GET", path, null);
        }
        String scrape = send("GET", "/metrics", null).body();
        long series = scrape.lines().filter(line -> line.startsWith("streamrec_http_requests_seconds_count{")).count();
        long buckets = scrape.lines().filter(line -> line.startsWith("streamrec_http_requests_seconds_bucket{")).count();
        assertThat(series).isGreaterThanOrEqualTo(4);
        assertThat(buckets).as("buckets per series").isLessThanOrEqualTo(series * 14);
        assertThat(scrape).contains(
                "streamrec_http_requests_seconds_bucket{method=\"GET\",route=\"/v1/trending\",status=\"200\",le=\"0.1\"}");
    }

    /** An answer: status, headers, body. */
    private record Reply(int statusCode, HttpHeaders headers, String body) {
        static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.headers(), response.body());
        }

        /** Parses an HTTP/1.1 answer read whole from a socket. */
        static Reply parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), HttpHeaders.of(headers, (k, v) -> true),
                    text.substring(end + 4));
        }
    }

    private Reply send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Reply.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends the request line as given: bytes the JDK's client would refuse to send. */
    private Reply raw(String target) throws Exception {
        URI base = URI.create(instance.url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Reply.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertError(Reply answer, int status, String contains) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as("content type of a " + status)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        if (!answer.body().isEmpty() || contains != null) {
            assertThat(error(answer)).isNotBlank().contains(contains == null ? "" : contains);
        }
    }

    private static String error(Reply answer) throws Exception {
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.isObject() && body.size() == 1).as("only an error: " + answer.body()).isTrue();
        return body.get("error").asText();
    }
}
