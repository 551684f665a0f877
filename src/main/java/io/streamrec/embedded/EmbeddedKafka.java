package io.streamrec.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one) running inside this
 * JVM, for the demo and the tests: no Docker, no separate install. Storage is formatted with
 * Kafka's own StorageTool, as an operator would. It can be stopped and started again on the
 * same ports and log directory, as an operator restarts a broker, so clients reconnect to it.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Ports and log directory included, so a restart comes back where clients expect it. */
    private final Properties props;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final String bootstrapServers;
    /** The running server; null while stopped (a KafkaRaftServer cannot start twice). */
    private KafkaRaftServer server;

    private EmbeddedKafka(KafkaRaftServer server, Properties props, Path logDir, boolean deleteOnClose,
                          String bootstrapServers) {
        this.server = server;
        this.props = props;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on free ports with its data in a temporary folder removed on close. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("streamrec-kafka"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param port the client port, or 0 for a free one
     * @param deleteOnClose whether to remove {@code logDir} when closed
     */
    public static EmbeddedKafka start(Path logDir, int port, boolean deleteOnClose) {
        for (int attempt = 1; ; attempt++) {
            int[] ports = freePorts(2);
            int brokerPort = port == 0 ? ports[0] : port;
            Properties props = brokerProperties(logDir, brokerPort, ports[1]);
            format(logDir, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                // A free port can be taken by another process between our probe and the bind.
                server.shutdown();
                if (attempt == 3 || port != 0 || !causedByBind(e)) {
                    throw e;
                }
                continue;
            }
            EmbeddedKafka kafka = new EmbeddedKafka(server, props, logDir, deleteOnClose, "localhost:" + brokerPort);
            kafka.awaitReady();
            return kafka;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Shuts the broker down cleanly, keeping its log directory: clients see it gone until
     * {@link #restart()}. Does nothing when already stopped.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /**
     * Starts the stopped broker again on the same ports and log directory, with every topic,
     * committed offset and transaction it had, and waits until it answers.
     *
     * @throws IllegalStateException when it is running
     */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " is running; stop it first");
        }
        KafkaRaftServer restarted = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            restarted.startup();
        } catch (RuntimeException e) {
            restarted.shutdown();
            throw e;
        }
        server = restarted;
        awaitReady();
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                // One node: every internal topic must accept a replication factor of 1, and
                // exactly-once needs the transaction log to as well.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Without this every first consumer-group join waits 3 s.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "1")));
        return props;
    }

    private static void format(Path logDir, Properties props) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            Path config = logDir.resolveSibling(logDir.getFileName() + ".server.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "streamrec embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // execute(), unlike main(), returns instead of exiting the JVM.
            int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(config);
            if (status != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("embedded Kafka not ready after " + READY_TIMEOUT, e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embedded Kafka", e);
        }
    }

    /** Distinct free ports: all sockets stay open until every port is known, so none repeats. */
    public static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing a probe socket cannot lose anything
                    }
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temp folder is not worth failing a shutdown for.
        }
    }
}
