package io.streamrec.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The recent past of the live figures, so a dashboard opened now shows a curve rather than a
 * dot: totals sampled once a second, the last {@link #KEPT} samples kept. Rates are computed
 * from differences of totals, so a missed sample widens one step instead of losing events.
 */
final class LiveHistory implements AutoCloseable {
    static final int KEPT = 300;
    /** Samples the hit rate of a point is computed over: single seconds hold too few tests to read. */
    static final int HIT_RATE_WINDOW = 30;
    /** Samples the current events/s is averaged over. */
    static final int RATE_WINDOW = 5;

    private final Supplier<Totals> totals;
    private final Deque<Totals> samples = new ArrayDeque<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "streamrec-live-history");
        thread.setDaemon(true);
        return thread;
    });

    LiveHistory(Supplier<Totals> totals) {
        this.totals = totals;
        sample();
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        Totals now = totals.get();
        synchronized (samples) {
            samples.addLast(now);
            while (samples.size() > KEPT + 1) {
                samples.removeFirst();
            }
        }
    }

    /** The samples so far and the totals now, oldest first. */
    List<Totals> samplesAndNow() {
        List<Totals> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        copy.add(totals.get());
        return copy;
    }

    /** One point per sample after the first: events/s since the previous one, hit rate over the trailing window. */
    static List<Stats.Point> series(List<Totals> samples) {
        List<Stats.Point> points = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Totals at = samples.get(i);
            points.add(new Stats.Point(at.timeMs(), eventsPerSecond(samples.get(i - 1), at),
                    hitRate(samples.get(Math.max(0, i - HIT_RATE_WINDOW)), at), at.deadLettered()));
        }
        return points;
    }

    static double eventsPerSecond(Totals from, Totals to) {
        long ms = to.timeMs() - from.timeMs();
        return ms <= 0 ? 0 : (to.learned() - from.learned()) * 1000.0 / ms;
    }

    /** Hits over tests between two samples; null when there was no test, which is not a rate of 0. */
    static Double hitRate(Totals from, Totals to) {
        long tests = to.liveTests() - from.liveTests();
        return tests <= 0 ? null : (double) (to.liveHits() - from.liveHits()) / tests;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
