package io.streamrec.model.ranker;

import java.util.Locale;

/**
 * The orders a list for a user with no history can take. Which one serves a deployment is learned
 * from its new users' first picks ({@link NewUserPicks}): a log of ratings spread over years wants
 * what was popular all along, a shop's new customers what is popular this month.
 */
public enum PopularityOrder {
    /** Decayed popularity: what is popular now. */
    TRENDING,
    /** Distinct users ever: what has been popular all along. */
    ALL_TIME,
    /** Both ranks fused, 1 / (n + rank) summed over the two orders for lists of n. */
    BOTH;

    /** The name operators see: lower case, as {@code all_time}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This order's bit in a mask of orders. */
    public int bit() {
        return 1 << ordinal();
    }
}
