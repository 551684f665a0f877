package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A JSON answer written straight to the response arrives whole, compressed or not. */
class JsonAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerLargeEnoughToBeCompressedArrivesWholeForAClientThatAcceptsGzip() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(Map.of("item", "a-rather-long-item-identifier-" + i, "reason", "because you viewed item " + i));
        }
        Javalin server = Javalin.create(config -> config.startup.showJavalinBanner = false);
        server.unsafe.routes.get("/list", ctx -> JsonAnswer.write(ctx, Map.of("items", items)));
        server.start("localhost", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (String encoding : List.of("gzip", "identity")) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/list"))
                        .header("Accept-Encoding", encoding).build();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                byte[] body = response.body();
                if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                    try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                        body = gunzip.readAllBytes();
                    }
                }
                assertThat(body.length).as(encoding + ": large enough to be compressed").isGreaterThan(1500);
                assertThat(JSON.readTree(body).get("items")).as(encoding).hasSize(50);
            }
        } finally {
            server.stop();
        }
    }
}
