package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class InputLagWatchTest {
    private static final String MAIN = "app-1f2e-StreamThread-1-consumer";
    private final InputLagWatch watch = new InputLagWatch(Set.of("interactions", "interactions.by.user"), 1000);

    @Test
    void theWaitIsTheStreamThreadsLagOnItsInputOverTheRateItReadsAt() {
        Map<MetricName, Metric> metrics = new HashMap<>();
        lag(metrics, MAIN, "interactions", 0, 3000);
        lag(metrics, MAIN, "interactions", 1, 1000);
        lag(metrics, MAIN, "interactions_by_user", 0, 1000);
        rate(metrics, MAIN, "interactions", 2000);
        rate(metrics, MAIN, "interactions_by_user", 500);
        lag(metrics, "app-1f2e-StreamThread-1-restore-consumer", "interactions", 0, 1_000_000);
        lag(metrics, MAIN, "item-vectors", 0, 1_000_000);
        assertThat(watch.waitMs(metrics)).as("5,000 records read at 2,500 a second").isEqualTo(2000.0);
    }

    @Test
    void theInputIsBehindPastTheLimitAndCaughtUpOnlyUnderHalfOfIt() {
        watch.sample(waiting(1500));
        assertThat(watch.behind()).isTrue();
        watch.sample(waiting(800));
        assertThat(watch.behind()).as("still over half the limit").isTrue();
        watch.sample(waiting(400));
        assertThat(watch.behind()).isFalse();
        watch.sample(waiting(900));
        assertThat(watch.behind()).as("under the limit").isFalse();
    }

    @Test
    void nothingWaitingIsNeverBehindAndRecordsNobodyReadsAlwaysAre() {
        Map<MetricName, Metric> idle = new HashMap<>();
        rate(idle, MAIN, "interactions", 0);
        assertThat(watch.waitMs(idle)).isZero();
        Map<MetricName, Metric> stalled = new HashMap<>();
        lag(stalled, MAIN, "interactions", 0, 10);
        assertThat(watch.waitMs(stalled)).isInfinite();
    }

    private static Map<MetricName, Metric> waiting(long ms) {
        Map<MetricName, Metric> metrics = new HashMap<>();
        lag(metrics, MAIN, "interactions", 0, ms);
        rate(metrics, MAIN, "interactions", 1000);
        return metrics;
    }

    private static void lag(Map<MetricName, Metric> metrics, String client, String topic, int partition, double lag) {
        put(metrics, new MetricName("records-lag", "consumer-fetch-manager-metrics", "",
                Map.of("client-id", client, "topic", topic, "partition", String.valueOf(partition))), lag);
    }

    private static void rate(Map<MetricName, Metric> metrics, String client, String topic, double rate) {
        put(metrics, new MetricName("records-consumed-rate", "consumer-fetch-manager-metrics", "",
                Map.of("client-id", client, "topic", topic)), rate);
    }

    private static void put(Map<MetricName, Metric> metrics, MetricName name, double value) {
        metrics.put(name, new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
