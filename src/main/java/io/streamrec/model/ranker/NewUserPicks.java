package io.streamrec.model.ranker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many new users' first picks each {@link PopularityOrder} had in the first n of its list:
 * counted from every new user's pick, each order judged on the same picks, so the count says which
 * order would have served them best, the newest picks weighing most ({@link #plus}). Immutable;
 * published with the ranker's weights, so every instance lists the same order for new users and a
 * restart keeps what was counted.
 */
public final class NewUserPicks extends PickCounts {
    public static final NewUserPicks NONE = new NewUserPicks(new long[PopularityOrder.values().length]);

    private NewUserPicks(long[] hits) {
        super(hits);
    }

    /** Counts read back from {@link #hits()}; fewer than there are orders count 0 for the rest. */
    public static NewUserPicks of(long[] hits) {
        return new NewUserPicks(padded(hits, PopularityOrder.values().length, "new-user pick"));
    }

    /**
     * These counts and one pick more, a hit for every order in {@code orders} ({@link PopularityOrder#bit()}s).
     * Once the leading order's count reaches {@code memory}, every count is halved, so the counts
     * weigh recent picks over old ones: a deployment whose new users come to pick differently
     * follows them within about {@code memory} picks, instead of needing as many as it ever counted.
     */
    public NewUserPicks plus(int orders, long memory) {
        requireMemory(memory);
        long[] next = counts.clone();
        long most = 0;
        for (PopularityOrder order : PopularityOrder.values()) {
            if ((orders & order.bit()) != 0) {
                next[order.ordinal()]++;
            }
            most = Math.max(most, next[order.ordinal()]);
        }
        if (most >= memory) {
            for (int i = 0; i < next.length; i++) {
                next[i] /= 2;
            }
        }
        return new NewUserPicks(next);
    }

    /**
     * The order with the most hits; trending on a tie, so a deployment lists what it always did
     * until its new users have shown that another order serves them better.
     */
    public PopularityOrder best() {
        PopularityOrder best = PopularityOrder.TRENDING;
        for (PopularityOrder order : PopularityOrder.values()) {
            if (counts[order.ordinal()] > counts[best.ordinal()]) {
                best = order;
            }
        }
        return best;
    }

    /** The counts, by {@link PopularityOrder} ordinal. */
    public long[] hits() {
        return counts.clone();
    }

    /** The counts by order name in lower case ({@code trending}, {@code all_time}, {@code both}), in order. */
    public Map<String, Long> byOrder() {
        Map<String, Long> byOrder = new LinkedHashMap<>();
        for (PopularityOrder order : PopularityOrder.values()) {
            byOrder.put(order.label(), counts[order.ordinal()]);
        }
        return byOrder;
    }

    @Override
    public String toString() {
        return byOrder().toString();
    }
}
