package io.streamrec.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The few histogram buckets a latency timer publishes: enough for a dashboard's p50/p99 by
 * {@code histogram_quantile} and for SLO ratios at the usual targets. Micrometer's percentile
 * histogram publishes some 60 buckets per series, which, times every route and status, made a
 * scrape a few hundred kilobytes of mostly empty buckets.
 */
final class LatencyBuckets {
    private static final Duration[] BOUNDS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private LatencyBuckets() {}

    static Timer.Builder on(Timer.Builder timer) {
        return timer.serviceLevelObjectives(BOUNDS);
    }
}
