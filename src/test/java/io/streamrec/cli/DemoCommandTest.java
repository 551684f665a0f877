package io.streamrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's first command, as a newcomer runs it: `demo` starts and serves personal lists. */
class DemoCommandTest {
    @Test
    void demoServesPersonalRecommendationsThenStopsByItself() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        java.io.StringWriter errors = new java.io.StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.commandLine()
                .setErr(new java.io.PrintWriter(errors, true))
                .execute("demo", "--http-port", String.valueOf(port), "--rate", "200", "--users", "20",
                        "--duration", "12s"));
        HttpClient http = HttpClient.newHttpClient();
        URI lookup = URI.create("http://localhost:" + port + "/v1/users/demo-user-1/recommendations?n=5");
        String body = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // The first lists may predate the catalogue reaching the item index; later events refresh them.
        while (!body.contains("because you viewed") && System.nanoTime() < deadline && !exit.isDone()) {
            try {
                body = http.send(HttpRequest.newBuilder(lookup).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException notYetListening) {
                body = "";
            }
            Thread.sleep(200);
        }
        assertThat(exit.isDone() ? exit.get() + " " + errors : "running").as("demo exit and errors").isEqualTo("running");
        assertThat(body).contains("\"personalized\":true").contains("because you viewed");
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    }
}
