package io.streamrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.embedded.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a newcomer runs it: `demo` starts, says where its broker is,
 * serves personal lists, and leaves no folder behind.
 */
class DemoCommandTest {
    @Test
    void demoServesPersonalRecommendationsThenStopsByItself() throws Exception {
        int[] ports = EmbeddedKafka.freePorts(2);
        int port = ports[0];
        java.io.StringWriter errors = new java.io.StringWriter();
        java.io.StringWriter output = new java.io.StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.commandLine()
                .setOut(new java.io.PrintWriter(output, true)).setErr(new java.io.PrintWriter(errors, true))
                .execute("demo", "--http-port", String.valueOf(port), "--kafka-port", String.valueOf(ports[1]),
                        "--rate", "200", "--users", "20", "--duration", "12s"));
        HttpClient http = HttpClient.newHttpClient();
        URI lookup = URI.create("http://localhost:" + port + "/v1/users/demo-user-1/recommendations?n=5");
        String body = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // The first lists may predate the catalogue reaching the item index; later events refresh them.
        while (!body.contains("because you ") && System.nanoTime() < deadline && !exit.isDone()) {
            try {
                body = http.send(HttpRequest.newBuilder(lookup).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException notYetListening) {
                body = "";
            }
            Thread.sleep(200);
        }
        assertThat(exit.isDone() ? exit.get() + " " + errors : "running").as("demo exit and errors").isEqualTo("running");
        assertThat(body).contains("\"personalized\":true").contains("because you ");
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(output.toString()).contains("Kafka broker: bootstrap.servers=localhost:" + ports[1] + "\n");
        Matcher folders = Pattern.compile("State in (\\S+) and (\\S+) \\(removed on exit\\)")
                .matcher(output.toString());
        assertThat(folders.find()).as(output.toString()).isTrue();
        assertThat(Path.of(folders.group(1))).as("the instance's state").doesNotExist();
        assertThat(Path.of(folders.group(2))).as("the broker's data").doesNotExist();
    }
}
