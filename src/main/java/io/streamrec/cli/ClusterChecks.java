package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * What a command asks the cluster before it starts its clients. Kafka's clients retry an
 * unreachable broker for a minute, logging a warning a second, and end in a stack trace; a
 * producer started before its topics exist can stall on them. A newcomer wants one line naming
 * what to fix, soon.
 */
final class ClusterChecks {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ClusterChecks() {}

    /** @throws IllegalArgumentException naming bootstrap.servers when no broker answers within {@link #TIMEOUT} */
    static void requireReachable(StreamrecConfig config) throws InterruptedException {
        String servers = config.get(StreamrecConfig.BOOTSTRAP_SERVERS);
        try (Admin admin = admin(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("no Kafka broker answered at " + servers + " within "
                    + TIMEOUT.toSeconds() + " s (" + cause.getClass().getSimpleName() + "); check "
                    + StreamrecConfig.BOOTSTRAP_SERVERS.name() + " (--bootstrap-servers)", e);
        }
    }

    /**
     * Waits until the cluster has every one of {@code topics}, saying so once on {@code err} when
     * it has to wait: streamrec creates its topics as it starts, so a producer started beside it
     * (docker-compose, a newcomer's second terminal) waits for them rather than racing them.
     *
     * @throws IllegalArgumentException naming a missing topic and {@code hint} after {@code wait}
     */
    static void awaitTopics(StreamrecConfig config, List<String> topics, Duration wait, PrintWriter err, String hint)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        try (Admin admin = admin(config)) {
            while (true) {
                Set<String> existing = admin.listTopics().names().get();
                List<String> missing = topics.stream().filter(topic -> !existing.contains(topic)).toList();
                if (missing.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalArgumentException("topic " + missing.get(0) + " does not exist on "
                            + config.get(StreamrecConfig.BOOTSTRAP_SERVERS) + " after " + wait.toSeconds() + " s ("
                            + hint + ")");
                }
                if (!said) {
                    err.println("waiting for topic " + String.join(", ", missing) + " (" + hint + ")");
                    err.flush();
                    said = true;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Admin admin(StreamrecConfig config) {
        Properties props = StreamrecApp.only(config.kafkaProperties(0), AdminClientConfig.configNames());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return Admin.create(props);
    }
}
