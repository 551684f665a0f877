package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.demo.DemoTraffic;
import io.streamrec.embedded.EmbeddedKafka;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Everything on one machine: an in-process broker, one instance, demo traffic, HTTP on localhost.
 * The broker's data and the instance's state live in temporary folders removed on exit.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an in-process Kafka broker (KRaft), streamrec and synthetic shop traffic.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kafka-port", defaultValue = "0", description = "The broker's client port, for your own "
            + "consumers and producers (default: any free one; the address is printed at start).")
    int kafkaPort;

    @Mixin
    TrafficOptions options;

    @Mixin
    SettingOverrides overrides;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration runFor = options.runFor();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting an in-process Kafka broker (KRaft)...");
        out.flush();
        TemporaryDirectory brokerData = TemporaryDirectory.create("streamrec-demo-kafka");
        TemporaryDirectory state = TemporaryDirectory.create("streamrec-demo-state");
        EmbeddedKafka kafka = null;
        StreamrecApp app = null;
        DemoTraffic traffic = null;
        try {
            kafka = BrokerCommand.start(brokerData.path(), kafkaPort, false, "--kafka-port");
            out.println("Kafka broker: bootstrap.servers=" + kafka.bootstrapServers());
            out.println("State in " + state.path() + " and " + brokerData.path() + " (removed on exit)");
            out.flush();
            Map<String, String> settings = new HashMap<>(Map.of(
                    StreamrecConfig.APPLICATION_ID.name(), "streamrec-demo",
                    StreamrecConfig.STATE_DIR.name(), state.path().toString(),
                    StreamrecConfig.HTTP_PORT.name(), String.valueOf(httpPort)));
            settings.putAll(overrides.asMap());
            settings.put(StreamrecConfig.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
            StreamrecConfig config = StreamrecConfig.of(settings);
            app = StreamrecApp.start(config);
            app.awaitRunning(Duration.ofSeconds(60));
            traffic = options.start(kafka.bootstrapServers(), config.topics());
        } catch (Exception | Error e) {
            closeAll(traffic, app, kafka, state, brokerData);
            throw e;
        }
        String url = app.httpUrl();
        out.printf("""
                streamrec demo is running: broker %s, HTTP %s
                  %d users (demo-user-0..%d) x %d items (demo-item-0..%d), %.0f events/s
                Try:
                  curl '%s/v1/users/demo-user-1/recommendations?n=10'
                  curl '%s/v1/trending?n=10'
                  curl '%s/v1/items/demo-item-3/similar?n=5'
                  curl -X POST %s/v1/events -H 'Content-Type: application/json' \\
                       -d '{"user":"demo-user-1","item":"demo-item-42","type":"PURCHASE"}'
                  java -jar target/streamrec.jar consume --bootstrap-servers %s --max 3
                Live dashboard: %s/ in a browser; Prometheus metrics: %s/metrics
                Ctrl-C stops it.
                """, kafka.bootstrapServers(), url, options.users, options.users - 1,
                options.items, options.items - 1, options.rate, url, url, url, url, kafka.bootstrapServers(), url, url);
        out.flush();
        ServeUntilStopped.await(runFor, traffic, app, kafka, state, brokerData);
        out.println("demo stopped after " + traffic.eventsSent() + " events");
        out.flush();
        return 0;
    }

    /** Closes what a failed start left open, in order, keeping the first failure's cause. */
    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // The start-up failure is what the user needs to see.
                }
            }
        }
    }
}
