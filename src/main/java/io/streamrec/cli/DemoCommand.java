package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.demo.DemoTraffic;
import io.streamrec.embedded.EmbeddedKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything on one machine: an in-process broker, one instance, demo traffic, HTTP on localhost. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an in-process Kafka broker (KRaft), streamrec and synthetic shop traffic.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Mixin
    TrafficOptions options;

    @Mixin
    SettingOverrides overrides;

    @Override
    public Integer call() throws Exception {
        Duration runFor = options.runFor();
        System.out.println("Starting an in-process Kafka broker (KRaft)...");
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Map<String, String> settings = new HashMap<>(Map.of(
                StreamrecConfig.APPLICATION_ID.name(), "streamrec-demo",
                StreamrecConfig.STATE_DIR.name(), Files.createTempDirectory("streamrec-demo-state").toString(),
                StreamrecConfig.HTTP_PORT.name(), String.valueOf(httpPort)));
        settings.putAll(overrides.asMap());
        settings.put(StreamrecConfig.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
        StreamrecConfig config = StreamrecConfig.of(settings);
        StreamrecApp app = StreamrecApp.start(config);
        app.awaitRunning(Duration.ofSeconds(60));
        DemoTraffic traffic = options.start(kafka.bootstrapServers(), config.topics());
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
                Live dashboard: %s/ in a browser; Prometheus metrics: %s/metrics
                Ctrl-C stops it.
                """, kafka.bootstrapServers(), url, options.users, options.users - 1,
                options.items, options.items - 1, options.rate, url, url, url, url, url, url);
        ServeUntilStopped.await(runFor, traffic, app, kafka);
        System.out.println("demo stopped after " + traffic.eventsSent() + " events");
        return 0;
    }
}
