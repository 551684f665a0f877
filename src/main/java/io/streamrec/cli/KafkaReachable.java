package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster to describe itself before a command starts its clients: Kafka's clients retry
 * an unreachable broker for a minute, logging a warning a second, and end in a stack trace;
 * a newcomer with a wrong address wants one line naming it, soon.
 */
final class KafkaReachable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KafkaReachable() {}

    /** @throws IllegalArgumentException naming bootstrap.servers when no broker answers within {@link #TIMEOUT} */
    static void require(StreamrecConfig config) throws InterruptedException {
        String servers = config.get(StreamrecConfig.BOOTSTRAP_SERVERS);
        Properties props = StreamrecApp.only(config.kafkaProperties(0), AdminClientConfig.configNames());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("no Kafka broker answered at " + servers + " within "
                    + TIMEOUT.toSeconds() + " s (" + cause.getClass().getSimpleName() + "); check "
                    + StreamrecConfig.BOOTSTRAP_SERVERS.name() + " (--bootstrap-servers)", e);
        }
    }
}
