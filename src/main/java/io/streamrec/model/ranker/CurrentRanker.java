package io.streamrec.model.ranker;

/**
 * The ranker weights a process ranks with now, swapped whole when a newer version arrives; none
 * until the first, and then lists are ranked by the fixed blend. Thread-safe.
 */
public final class CurrentRanker {
    private volatile RankerWeights weights;

    /** The weights in force, or null for the fixed blend. */
    public RankerWeights get() {
        return weights;
    }

    /**
     * The order lists for users without history take: the one new users' first picks favour in the
     * weights in force, trending until the first weights arrive.
     */
    public PopularityOrder newUserOrder() {
        RankerWeights now = weights;
        return now == null ? PopularityOrder.TRENDING : now.newUsers().best();
    }

    /**
     * Whether users with {@code events} events (at least 1) get the popular list of new users rather
     * than their personal one: when the weights in force say so for their band, never before them.
     */
    public boolean popularServes(long events) {
        RankerWeights now = weights;
        return now != null && now.youngUsers().popularServes(YoungUserPicks.band(events));
    }

    /** Installs {@code next} unless the weights in force are as new or newer; returns whether it did. */
    public synchronized boolean install(RankerWeights next) {
        RankerWeights now = weights;
        if (now != null && now.version() >= next.version()) {
            return false;
        }
        weights = next;
        return true;
    }
}
