package io.streamrec.bench;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.topology.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The system under test: a deployment reached through its bootstrap servers, or an in-process
 * KRaft broker with streamrec instances started here with the product's defaults.
 */
final class BenchTarget implements AutoCloseable {
    final String bootstrapServers;
    final String applicationId;
    final Topics topics;
    final List<StreamrecApp> apps;
    /** The instances' settings (for a running deployment: the defaults with the {@code --set} ones). */
    final StreamrecConfig config;
    private final EmbeddedKafka kafka;
    private final List<Path> stateDirs;
    private boolean appsClosed;

    private BenchTarget(String bootstrapServers, String applicationId, Topics topics, List<StreamrecApp> apps,
                        StreamrecConfig config, EmbeddedKafka kafka, List<Path> stateDirs) {
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.topics = topics;
        this.apps = apps;
        this.config = config;
        this.kafka = kafka;
        this.stateDirs = stateDirs;
    }

    /** Connects to the deployment named by the options, or starts {@code instances} in-process ones. */
    static BenchTarget start(PrintWriter out, TargetOptions options, int instances) throws Exception {
        if (!options.embedded()) {
            Map<String, String> settings = new HashMap<>(options.settings);
            settings.put(StreamrecConfig.TOPIC_PREFIX.name(), options.topicPrefix);
            return new BenchTarget(options.bootstrapServers, options.applicationId(),
                    new Topics(options.topicPrefix, options.applicationId()),
                    List.of(), StreamrecConfig.of(settings), null, List.of());
        }
        out.println("starting an in-process Kafka broker (KRaft) and " + instances + " streamrec instance"
                + (instances == 1 ? "" : "s") + "...");
        EmbeddedKafka kafka = EmbeddedKafka.start();
        List<StreamrecApp> apps = new ArrayList<>();
        List<Path> stateDirs = new ArrayList<>();
        try {
            StreamrecConfig config = null;
            for (int i = 0; i < instances; i++) {
                Path stateDir = Files.createTempDirectory("streamrec-bench-state");
                stateDirs.add(stateDir);
                Map<String, String> settings = new HashMap<>();
                settings.put(StreamrecConfig.APPLICATION_ID.name(), options.applicationId());
                settings.put(StreamrecConfig.HTTP_PORT.name(), "0");
                settings.put(StreamrecConfig.TOPIC_PREFIX.name(), options.topicPrefix);
                settings.putAll(options.settings);
                settings.put(StreamrecConfig.STATE_DIR.name(), stateDir.toString());
                settings.put(StreamrecConfig.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
                config = StreamrecConfig.of(settings);
                apps.add(StreamrecApp.start(config));
            }
            for (StreamrecApp app : apps) {
                app.awaitRunning(Duration.ofSeconds(90));
            }
            return new BenchTarget(kafka.bootstrapServers(), options.applicationId(), config.topics(), apps, config,
                    kafka, stateDirs);
        } catch (Exception | Error e) {
            apps.forEach(StreamrecApp::close);
            kafka.close();
            throw e;
        }
    }

    /** Whether the broker is the in-process one this benchmark started (it may then add topics of its own). */
    boolean embedded() {
        return kafka != null;
    }

    /** Stops the in-process instances, leaving the broker up; {@link #close} then closes only the broker. */
    void closeApps() {
        if (!appsClosed) {
            appsClosed = true;
            apps.forEach(StreamrecApp::close);
        }
    }

    @Override
    public void close() {
        closeApps();
        if (kafka != null) {
            kafka.close();
        }
        stateDirs.forEach(BenchTarget::deleteTree);
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }
}
