package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.demo.DemoTraffic;
import io.streamrec.embedded.EmbeddedKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Everything on one machine: an in-process broker, one instance, demo traffic, HTTP on localhost. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an in-process Kafka broker (KRaft), streamrec and synthetic shop traffic.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--users", defaultValue = "200", description = "Demo users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "500", description = "Demo items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--rate", defaultValue = "20", description = "Demo events per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", description = "Stop after this long (e.g. 60s); default: until Ctrl-C.")
    String duration;

    @Override
    public Integer call() throws Exception {
        Duration runFor = ServeUntilStopped.parse(duration);
        System.out.println("Starting an in-process Kafka broker (KRaft)...");
        EmbeddedKafka kafka = EmbeddedKafka.start();
        StreamrecConfig config = StreamrecConfig.of(Map.of(
                StreamrecConfig.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers(),
                StreamrecConfig.APPLICATION_ID.name(), "streamrec-demo",
                StreamrecConfig.STATE_DIR.name(), Files.createTempDirectory("streamrec-demo-state").toString(),
                StreamrecConfig.HTTP_PORT.name(), String.valueOf(httpPort)));
        StreamrecApp app = StreamrecApp.start(config);
        app.awaitRunning(Duration.ofSeconds(60));
        DemoTraffic traffic = new DemoTraffic(kafka.bootstrapServers(), config.topics(), users, items, rate, 42).start();
        String url = app.httpUrl();
        System.out.printf("""
                streamrec demo is running: broker %s, HTTP %s
                  %d users (demo-user-0..%d) x %d items (demo-item-0..%d), %.0f events/s
                Try:
                  curl '%s/v1/users/demo-user-1/recommendations?n=10'
                  curl '%s/v1/trending?n=10'
                  curl '%s/v1/items/demo-item-3/similar?n=5'
                  curl -X POST %s/v1/events -H 'Content-Type: application/json' \\
                       -d '{"user":"demo-user-1","item":"demo-item-42","type":"PURCHASE"}'
                Ctrl-C stops it.
                """, kafka.bootstrapServers(), url, users, users - 1, items, items - 1, rate, url, url, url, url);
        ServeUntilStopped.await(runFor, traffic, app, kafka);
        System.out.println("demo stopped after " + traffic.eventsSent() + " events");
        return 0;
    }
}
