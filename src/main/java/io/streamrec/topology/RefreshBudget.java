package io.streamrec.topology;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The time refreshes (and other work on lists) may take while the input is behind: a share of the
 * time that passes, spent as they run. While the input keeps up they run freely and cost nothing.
 * Credit is capped at a second's share, so a quiet spell does not buy a burst of refreshes that
 * would starve learning the moment the input falls behind again.
 */
final class RefreshBudget {
    private static final long CAP_WINDOW_NANOS = 1_000_000_000L;

    private final double share;
    /** While behind, per-event work is offered this many times for each time it may run: 1 / share. */
    private final long stride;
    private final InputLoad load;
    private final LongSupplier nanoClock;
    private double credit;
    private long accruedUpTo;
    private long offers;

    RefreshBudget(double share, InputLoad load, LongSupplier nanoClock) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        this.share = share;
        this.stride = Math.max(1, Math.round(1 / share));
        this.load = load;
        this.nanoClock = nanoClock;
        this.accruedUpTo = nanoClock.getAsLong();
    }

    /**
     * One budget per thread that asks, shared by the tasks it runs: a stream thread's tasks take
     * turns on it, so the share bounds the thread's time whatever the number of its partitions.
     */
    static Supplier<RefreshBudget> perThread(double share, InputLoad load) {
        ThreadLocal<RefreshBudget> budgets =
                ThreadLocal.withInitial(() -> new RefreshBudget(share, load, System::nanoTime));
        return budgets::get;
    }

    /**
     * Runs {@code work} unless the input is behind and the share is spent; returns whether it ran.
     * Work started while behind is charged to the share.
     */
    boolean run(Runnable work) {
        if (!load.behind()) {
            work.run();
            return true;
        }
        if (!affords()) {
            return false;
        }
        long started = now();
        work.run();
        spentSince(started);
        return true;
    }

    /**
     * {@link #run} for work offered once per event rather than per due user (a ranker example):
     * while behind, only one offer in {@code 1 / share} is taken, then charged as a refresh is.
     * Taking every offer would spend the share on events before any due user is refreshed: an
     * example costs a user's candidates, and every pick new to its user offers one.
     */
    boolean runSampled(Runnable work) {
        if (load.behind() && offers++ % stride != 0) {
            return false;
        }
        return run(work);
    }

    /** Whether another refresh may start now: some of the share is left. */
    boolean affords() {
        long now = nanoClock.getAsLong();
        credit = Math.min(share * CAP_WINDOW_NANOS, credit + share * (now - accruedUpTo));
        accruedUpTo = now;
        return credit > 0;
    }

    /** A refresh that started at {@code startedNanos} (this budget's clock) has ended. */
    void spentSince(long startedNanos) {
        credit -= nanoClock.getAsLong() - startedNanos;
    }

    long now() {
        return nanoClock.getAsLong();
    }
}
