package io.streamrec.cli;

import io.streamrec.embedded.EmbeddedKafka;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A standalone single-node Kafka broker (KRaft, broker and controller in one) from the jars
 * streamrec ships, for development without Docker or a Kafka install: run it in one terminal,
 * and `run`, `produce-demo` and `consume` against it in others.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft) for development, until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092",
            description = "Client port (default ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--data-dir", description = "Where the broker keeps its logs; kept across restarts. "
            + "Default: a temporary folder removed on exit.")
    Path dataDir;

    @Option(names = "--duration", description = "Stop after this long (e.g. 30m); default: until Ctrl-C.")
    String duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 0..65535, was " + port);
        }
        TemporaryDirectory temporary = dataDir == null ? TemporaryDirectory.create("streamrec-broker") : null;
        Path logDir = dataDir != null ? dataDir.toAbsolutePath() : temporary.path();
        EmbeddedKafka kafka;
        try {
            kafka = start(logDir, port, false, "--port");
        } catch (RuntimeException e) {
            if (temporary != null) {
                temporary.close();
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Kafka broker (KRaft, single node) running: bootstrap.servers=" + kafka.bootstrapServers());
        out.println("  data in " + logDir + (temporary != null ? " (removed on exit; --data-dir keeps it)" : ""));
        out.println("Ctrl-C stops it.");
        out.flush();
        if (temporary == null) {
            ServeUntilStopped.await(ServeUntilStopped.parse(duration), kafka);
        } else {
            ServeUntilStopped.await(ServeUntilStopped.parse(duration), kafka, temporary);
        }
        return 0;
    }

    /** Starts the broker; a client port already taken is the user's to change (with {@code option}): one line. */
    static EmbeddedKafka start(Path logDir, int port, boolean deleteOnClose, String option) {
        try {
            return EmbeddedKafka.start(logDir, port, deleteOnClose);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.BindException) {
                    throw new IllegalArgumentException("port " + port + " is in use; choose another with " + option
                            + " (0: any free one)", e);
                }
            }
            throw e;
        }
    }
}
