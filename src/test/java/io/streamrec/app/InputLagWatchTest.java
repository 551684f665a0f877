package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.metrics.FixedMetric;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class InputLagWatchTest {
    private static final String MAIN = "app-1f2e-StreamThread-1-consumer";
    private static final long SECOND = 1_000_000_000L;
    private final InputLagWatch watch = new InputLagWatch(Set.of("interactions", "interactions.by.user"), 1000);

    @Test
    void theWaitIsTheStreamThreadsLagOnItsInputOverTheRateItReadsAt() {
        watch.sample(input(0, 0), 0);
        Map<MetricName, Metric> metrics = input(0, 0);
        lag(metrics, MAIN, "interactions", 0, 1000);
        lag(metrics, MAIN, "interactions", 1, 500);
        read(metrics, MAIN, "interactions", 1000);
        read(metrics, MAIN, "interactions_by_user", 1000);
        lag(metrics, "app-1f2e-StreamThread-1-restore-consumer", "interactions", 0, 1_000_000);
        read(metrics, "app-1f2e-StreamThread-1-restore-consumer", "interactions", 1_000_000);
        lag(metrics, MAIN, "streamrec-items-item-state-changelog", 0, 1_000_000);
        watch.sample(metrics, SECOND);
        assertThat(watch.behind()).as("1,500 waiting, 2,000 read a second: 750 ms").isFalse();

        lag(metrics, MAIN, "interactions_by_user", 0, 3000);
        read(metrics, MAIN, "interactions", 3000);
        watch.sample(metrics, 2 * SECOND);
        assertThat(watch.behind()).as("4,500 waiting, 2,000 a second: over 2 s").isTrue();
        assertThat(InputLagWatch.waitMs(4500, 2000)).isEqualTo(2250.0);
    }

    @Test
    void theInputIsBehindPastTheLimitAndCaughtUpOnlyUnderHalfOfIt() {
        watch.sample(input(0, 0), 0);
        watch.sample(input(1500, 1000), SECOND);
        assertThat(watch.behind()).isTrue();
        watch.sample(input(800, 2000), 2 * SECOND);
        assertThat(watch.behind()).as("still over half the limit").isTrue();
        watch.sample(input(400, 3000), 3 * SECOND);
        assertThat(watch.behind()).as("under half the limit, but only just").isTrue();
        watch.sample(input(0, 3500), 3 * SECOND + SECOND / 2);
        assertThat(watch.behind()).isTrue();
        watch.sample(input(300, 4000), 4 * SECOND);
        assertThat(watch.behind()).as("under half the limit for a second").isFalse();
        watch.sample(input(900, 5000), 5 * SECOND);
        assertThat(watch.behind()).as("under the limit").isFalse();
    }

    @Test
    void aMomentAtNoLagDoesNotEndBeingBehind() {
        watch.sample(input(0, 0), 0);
        watch.sample(input(5000, 1000), SECOND);
        watch.sample(input(0, 2000), SECOND + SECOND / 5);
        watch.sample(input(4000, 2200), SECOND + 2 * SECOND / 5);
        watch.sample(input(4000, 2400), 3 * SECOND);
        assertThat(watch.behind()).isTrue();
    }

    @Test
    void aSampleWithoutLagFiguresLeavesTheVerdictAsItWas() {
        watch.sample(input(0, 0), 0);
        watch.sample(input(5000, 1000), SECOND);
        assertThat(watch.behind()).isTrue();
        Map<MetricName, Metric> moving = new HashMap<>();
        read(moving, MAIN, "interactions", 2000);
        watch.sample(moving, 2 * SECOND);
        assertThat(watch.behind()).as("partitions moving: no lag figure, no news").isTrue();
    }

    @Test
    void aStartingInstanceIsNotBehindBeforeItKnowsHowFastItReads() {
        watch.sample(input(5000, 0), 0);
        assertThat(watch.behind()).as("one sample: no rate yet").isFalse();
        watch.sample(input(5000, 0), SECOND);
        assertThat(watch.behind()).as("a second without reading anything").isTrue();
    }

    @Test
    void nothingWaitingIsNeverBehindAndRecordsNobodyReadsAlwaysAre() {
        assertThat(InputLagWatch.waitMs(0, 0)).isZero();
        assertThat(InputLagWatch.waitMs(10, 0)).isInfinite();
        assertThat(InputLagWatch.waitMs(10, Double.NaN)).isInfinite();
    }

    /** One partition of interactions with {@code lag} waiting, {@code read} records read in all. */
    private static Map<MetricName, Metric> input(double lag, double read) {
        Map<MetricName, Metric> metrics = new HashMap<>();
        lag(metrics, MAIN, "interactions", 0, lag);
        read(metrics, MAIN, "interactions", read);
        return metrics;
    }

    private static void lag(Map<MetricName, Metric> metrics, String client, String topic, int partition, double lag) {
        put(metrics, new MetricName("records-lag", "consumer-fetch-manager-metrics", "",
                Map.of("client-id", client, "topic", topic, "partition", String.valueOf(partition))), lag);
    }

    private static void read(Map<MetricName, Metric> metrics, String client, String topic, double total) {
        put(metrics, new MetricName("records-consumed-total", "consumer-fetch-manager-metrics", "",
                Map.of("client-id", client, "topic", topic)), total);
    }

    private static void put(Map<MetricName, Metric> metrics, MetricName name, double value) {
        metrics.put(name, new FixedMetric(name, value));
    }
}
