package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.metrics.FixedMetric;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class BrokerContactTest {
    private final Map<MetricName, Metric> metrics = new HashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger looks = new AtomicInteger();
    private final BrokerContact contact = new BrokerContact(() -> {
        looks.incrementAndGet();
        return metrics;
    }, clock::get);

    @Test
    void anInstanceIsConnectedWhileAnyConsumerHoldsAConnection() {
        connections("app-StreamThread-1-consumer", 2);
        connections("app-StreamThread-1-restore-consumer", 0);
        assertThat(contact.connected()).isTrue();
    }

    @Test
    void anInstanceWhoseConsumersHoldNoConnectionHasLostTouchUntilOneReconnects() {
        connections("app-StreamThread-1-consumer", 0);
        connections("app-global-consumer", 0);
        connections("app-StateUpdater-1-restore-consumer", 2);
        metric("connection-count", "producer-metrics", "app-StreamThread-1-producer", 1);
        assertThat(contact.connected()).as("an idle restore consumer's or a producer's connections do not count")
                .isFalse();
        connections("app-StreamThread-1-consumer", 1);
        clock.addAndGet(BrokerContact.RECHECK_NANOS);
        assertThat(contact.connected()).isTrue();
    }

    @Test
    void theMetricsAreLookedAtOnlyOnceARecheckInterval() {
        connections("app-StreamThread-1-consumer", 1);
        assertThat(contact.connected()).isTrue();
        connections("app-StreamThread-1-consumer", 0);
        clock.addAndGet(BrokerContact.RECHECK_NANOS - 1);
        assertThat(contact.connected()).as("within the interval, the last answer").isTrue();
        assertThat(looks).hasValue(1);
        clock.addAndGet(1);
        assertThat(contact.connected()).isFalse();
        assertThat(looks).hasValue(2);
    }

    @Test
    void anInstanceWithoutConsumersYetIsNotTakenForDisconnected() {
        assertThat(contact.connected()).isTrue();
    }

    private void connections(String clientId, double count) {
        metric("connection-count", "consumer-metrics", clientId, count);
    }

    private void metric(String name, String group, String clientId, double value) {
        MetricName metricName = new MetricName(name, group, "", Map.of("client-id", clientId));
        metrics.put(metricName, new FixedMetric(metricName, value));
    }
}
