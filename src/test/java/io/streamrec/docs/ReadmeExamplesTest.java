package io.streamrec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.demo.DemoTraffic;
import io.streamrec.embedded.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the README's curl requests and Java producer example against a live instance. */
class ReadmeExamplesTest {
    private static EmbeddedKafka kafka;
    private static StreamrecApp app;
    private static DemoTraffic traffic;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        app = StreamrecApp.start(StreamrecConfig.of(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "application.id", "readme-examples",
                "state.dir", Files.createTempDirectory(Path.of("target"), "readme-state").toString(),
                "streamrec.http.port", "0")));
        app.awaitRunning(Duration.ofSeconds(60));
        traffic = new DemoTraffic(kafka.bootstrapServers(), StreamrecConfig.defaults().topics(), 20, 50, 200, 1).start();
        awaitItemsIndexed(50);
        // The because example explains an item to demo-user-1, which needs the user's first events.
        awaitOk("/v1/internal/users/demo-user-1/state");
    }

    @AfterAll
    static void stop() {
        traffic.close();
        app.close();
        kafka.close();
    }

    @Test
    void everyCurlExampleAnswersSuccessfully() throws Exception {
        List<String> commands = curlCommands(ReadmeTest.readme());
        assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
        for (String command : commands) {
            HttpResponse<String> response = http.send(toRequest(command), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(command + " -> " + response.body()).isBetween(200, 299);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/plain") || type.startsWith("text/html")) {
                // Prometheus text or a page: documented as such, so only its presence is checked.
                assertThat(response.body()).as(command).isNotBlank();
            } else {
                assertThat(response.body()).as(command).startsWith("{");
            }
        }
    }

    @Test
    void theJavaProducerExampleRunsAsDocumented() throws Exception {
        String snippet = Files.readString(Path.of("src/test/java/io/streamrec/docs/ReadmeExamplesTest.java"));
        String start = "// README:producer\n";
        String example = snippet.substring(snippet.indexOf(start) + start.length(), snippet.indexOf("// README:end\n"))
                .stripIndent().strip();
        assertThat(ReadmeTest.readme()).contains(example);
        produceLikeTheReadme(kafka.bootstrapServers());
    }

    private static void produceLikeTheReadme(String bootstrapServers) throws Exception {
        // README:producer
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            Interaction click = Interaction.newBuilder()
                    .setUser("u1").setItem("i9").setType(EventType.CLICK)
                    .setTimestamp(Instant.now())
                    .build();
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            Interaction.getEncoder().encode(click, value); // single-object encoding
            producer.send(new ProducerRecord<>("interactions", click.getUser(), value.toByteArray())).get();
        }
        // README:end
    }

    /** The curl lines of the README's sh blocks. */
    static List<String> curlCommands(String readme) {
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                inShell = line.equals("```sh") && !inShell;
            } else if (inShell && line.startsWith("curl ")) {
                commands.add(line);
            }
        }
        return commands;
    }

    /** Understands the curl options the README uses: -X, -H, -d and one URL. */
    private static HttpRequest toRequest(String command) {
        List<String> words = shellWords(command.substring("curl ".length()));
        String method = "GET";
        String body = null;
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(10));
        URI uri = null;
        for (int i = 0; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    request.header(header[0], header[1]);
                }
                case "-d" -> body = words.get(++i);
                default -> uri = URI.create(words.get(i).replace("http://localhost:8080", app.httpUrl()));
            }
        }
        return request.uri(uri).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static void awaitOk(String path) throws Exception {
        await(path + " answering 200", path, response -> response.statusCode() == 200);
    }

    private static void awaitItemsIndexed(int items) throws Exception {
        await(items + " items indexed", "/health", response -> response.body().contains("\"indexedItems\":" + items));
    }

    /** Polls GET {@code path} until {@code done} accepts the answer; fails after 30 s. */
    private static void await(String what, String path, Predicate<HttpResponse<String>> done) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(client.send(HttpRequest.newBuilder(URI.create(app.httpUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
