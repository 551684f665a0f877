package io.streamrec.serving;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Whether this instance is in touch with Kafka. While none of the user side's polling consumers
 * (the stream threads' and the global one) holds a connection to a broker (the broker down or
 * unreachable), Kafka Streams stays RUNNING and its stores keep answering, but they may lack
 * events the broker took before it went away: lookups answered then are marked stale. Kafka
 * Streams builds its metrics map afresh on every call, so the answer is looked up again only
 * once per {@link #RECHECK_NANOS}.
 */
final class BrokerContact {
    static final long RECHECK_NANOS = 500_000_000L;
    private static final String CONSUMER_GROUP = "consumer-metrics";
    private static final String CONNECTIONS = "connection-count";
    /**
     * A restore consumer polls only while it restores, so it notices a broker gone only then:
     * its connections say nothing about the broker now.
     */
    private static final String IDLE_CONSUMER_SUFFIX = "restore-consumer";

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final LongSupplier nanoClock;
    private volatile long checkedAt;
    private volatile boolean connected = true;
    private volatile boolean checkedOnce;

    /**
     * @param metrics the user side's Kafka Streams metrics ({@code KafkaStreams::metrics})
     * @param nanoClock {@code System::nanoTime} outside tests
     */
    BrokerContact(Supplier<Map<MetricName, ? extends Metric>> metrics, LongSupplier nanoClock) {
        this.metrics = metrics;
        this.nanoClock = nanoClock;
    }

    /** True while some polling consumer of the user side holds an open connection to a broker. */
    boolean connected() {
        long now = nanoClock.getAsLong();
        if (!checkedOnce || now - checkedAt >= RECHECK_NANOS) {
            connected = anyConsumerConnection();
            checkedAt = now;
            checkedOnce = true;
        }
        return connected;
    }

    private boolean anyConsumerConnection() {
        boolean anyConsumer = false;
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.get().entrySet()) {
            MetricName name = metric.getKey();
            if (CONNECTIONS.equals(name.name()) && CONSUMER_GROUP.equals(name.group())
                    && !name.tags().getOrDefault("client-id", "").endsWith(IDLE_CONSUMER_SUFFIX)) {
                anyConsumer = true;
                if (metric.getValue().metricValue() instanceof Number count && count.doubleValue() > 0) {
                    return true;
                }
            }
        }
        // No consumer yet (starting, or all stream threads being replaced): nothing says the state is behind.
        return !anyConsumer;
    }
}
