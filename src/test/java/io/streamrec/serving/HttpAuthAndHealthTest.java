package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer alone, with Kafka Streams created but not started (no broker needed): the
 * bearer token guards writes and only writes, and the probes follow the Streams state.
 */
class HttpAuthAndHealthTest {
    private static final String TOKEN = "s3cret-token-0123456789";
    private static final String EVENT = "{\"user\":\"u1\",\"item\":\"i9\",\"type\":\"CLICK\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpOnlyInstance instance;
    private MockProducer<String, byte[]> producer;
    private KafkaStreams streams;
    private KafkaStreams itemStreams;
    private String url;

    @BeforeEach
    void start() throws Exception {
        instance = new HttpOnlyInstance(TOKEN);
        producer = instance.producer;
        streams = instance.streams;
        itemStreams = instance.itemStreams;
        url = instance.url();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void writesNeedTheBearerTokenAndLookupsDoNot() throws Exception {
        HttpResponse<String> none = post(null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        HttpResponse<String> wrong = post("Bearer not-the-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("the bearer token is not valid")
                .doesNotContain(TOKEN);
        assertThat(post("Basic " + TOKEN).statusCode()).isEqualTo(401);
        assertThat(producer.history()).as("nothing published without the token").isEmpty();

        HttpResponse<String> right = post("Bearer " + TOKEN);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(202);
        assertThat(producer.history()).hasSize(1);

        assertThat(get("/v1/trending?n=5").statusCode()).as("lookups stay open").isEqualTo(200);
        for (String[] write : new String[][] {{"PUT", "/v1/items/i1"}, {"DELETE", "/v1/items/i1"},
                {"DELETE", "/v1/users/u1"}}) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(url + write[1]))
                    .method(write[0], HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(write[0] + " " + write[1]).isEqualTo(401);
        }
        assertThat(producer.history()).as("the catalogue and erasure writes published nothing").hasSize(1);
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/trending"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).as("a method the path lacks, token or not").isEqualTo(405);
        assertThat(BearerAuth.guarded("GET", "/v1/internal/users/u1/state")).as("raw state reads are guarded").isTrue();
        assertThat(BearerAuth.guarded("DELETE", "/v1/users/u1")).isTrue();
        assertThat(BearerAuth.guarded("GET", "/v1/users/u1/recommendations")).isFalse();
        assertThat(BearerAuth.guarded("POST", "/v1/groups/recommendations")).as("a question, not a write").isFalse();
        assertThat(BearerAuth.guarded("POST", "/v1/recommendations/context")).isFalse();
        assertThat(BearerAuth.guarded("GET", "/v1/internal/users/u1/state")).as("a user's raw state").isTrue();
        HttpResponse<String> internal = get("/v1/internal/users/u1/state");
        assertThat(internal.statusCode()).isEqualTo(401);
    }

    @Test
    void withoutATokenWritesAreOpen() throws Exception {
        instance.restart("");
        url = instance.url();
        assertThat(post(null).statusCode()).isEqualTo(202);
    }

    @Test
    void probesFollowTheStreamsState() throws Exception {
        // Created, not started: alive (starting), not ready.
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.get("status").asText()).isEqualTo("NOT_READY");
        assertThat(body.get("streams").asText()).isEqualTo("CREATED");

        streams.close();
        assertThat(get("/health/live").statusCode()).as("shut down: needs a restart").isEqualTo(503);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void aStoppedItemSideNeedsARestartButDoesNotGateLookups() throws Exception {
        itemStreams.close();
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).as("item side shut down: needs a restart").isEqualTo(503);
        assertThat(JSON.readTree(live.body()).get("itemStreams").asText()).isEqualTo("NOT_RUNNING");
        assertThat(JSON.readTree(get("/health/ready").body()).get("streams").asText()).isEqualTo("CREATED");
        assertThat(get("/health").statusCode()).as("not processing").isEqualTo(503);
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(EVENT));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
