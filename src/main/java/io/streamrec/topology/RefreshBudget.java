package io.streamrec.topology;

import java.util.function.LongSupplier;

/**
 * The time refreshes may take while the input is behind: a share of the time that passes,
 * spent as refreshes run. Credit is capped at a second's share, so a quiet spell does not buy a
 * burst of refreshes that would starve learning the moment the input falls behind again.
 */
final class RefreshBudget {
    private static final long CAP_WINDOW_NANOS = 1_000_000_000L;

    private final double share;
    private final LongSupplier nanoClock;
    private double credit;
    private long accruedUpTo;

    RefreshBudget(double share, LongSupplier nanoClock) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        this.share = share;
        this.nanoClock = nanoClock;
        this.accruedUpTo = nanoClock.getAsLong();
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
