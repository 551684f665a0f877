package io.streamrec.metrics;

import java.util.List;
import java.util.Map;

/**
 * What this instance has done, for the dashboard ({@code GET /v1/stats}): the same counters
 * /metrics exports, as totals, plus the recent history. Figures are this instance's own (the
 * user partitions it owns); each instance answers for itself.
 *
 * @param eventsPerSecond events learned per second over the last few seconds
 * @param liveQuality     test-then-learn on live traffic, hit rate at {@code at}
 * @param history         one point a second, oldest first, up to five minutes
 */
public record Stats(long eventsLearned, Map<String, Long> eventsLearnedByType, double eventsPerSecond,
                    long deadLettered, Map<String, Long> deadLetteredByReason, LiveQuality liveQuality,
                    Refresh refresh, List<Point> history) {

    /** @param hitRate null until there is a test */
    public record LiveQuality(int at, long tests, long hits, Double hitRate, Map<String, TypeQuality> byType) {}

    /** @param hits per cutoff N ("10", "20", ...): tests whose item was in the top N */
    public record TypeQuality(long tests, Map<String, Long> hits) {}

    public record Refresh(long count, double meanMs, double maxMs) {}

    /** @param hitRate over the trailing 30 s, null when there was no test in them */
    public record Point(long time, double eventsPerSecond, Double hitRate, long deadLettered) {}
}
