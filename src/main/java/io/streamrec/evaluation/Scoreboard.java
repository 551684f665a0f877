package io.streamrec.evaluation;

import java.util.BitSet;

/**
 * The prequential figures of one model for one target set: hits, reciprocal ranks, cold-user
 * hits, the items any list showed, and each evaluation event's hit for the chart.
 */
public final class Scoreboard {
    private final String target;
    private final BitSet shown = new BitSet();
    private final BitSet hitSeries = new BitSet();
    private final int logItems;
    /** Every evaluation event of the stream. */
    private final Half all = new Half();
    private int coldEvents;
    private int coldHits20;
    private final Half[] halves = {new Half(), new Half()};
    /** Evaluation events whose item had fewer than {@link #COLD_ITEM_EVENTS} earlier events, per half. */
    private final Half[] coldItems = {new Half(), new Half()};
    /** Baskets of warm users, each scored by its best-ranked new item, per half of the stream (by its first line). */
    private final Half[] baskets = {new Half(), new Half()};
    /** An item with fewer earlier events than this (from anyone) is cold when it is the target. */
    public static final int COLD_ITEM_EVENTS = 5;

    /** Hits of the evaluation events (or baskets) in one half of the stream. */
    public static final class Half {
        int evaluated;
        int hits10;
        int hits20;
        double reciprocalRanks;

        /** One more evaluation, its item (or a basket's best-ranked item) at 0-based {@code rank}, -1 when absent. */
        void count(int rank) {
            evaluated++;
            if (rank >= 0 && rank < 20) {
                hits20++;
                reciprocalRanks += 1.0 / (rank + 1);
                if (rank < 10) {
                    hits10++;
                }
            }
        }

        /** The two halves as one. */
        static Half sum(Half[] halves) {
            Half all = new Half();
            for (Half h : halves) {
                all.evaluated += h.evaluated;
                all.hits10 += h.hits10;
                all.hits20 += h.hits20;
                all.reciprocalRanks += h.reciprocalRanks;
            }
            return all;
        }

        public int evaluated() {
            return evaluated;
        }

        public double hr10() {
            return ratio(hits10, evaluated);
        }

        public double hr20() {
            return ratio(hits20, evaluated);
        }

        public double mrr20() {
            return evaluated == 0 ? 0 : reciprocalRanks / evaluated;
        }
    }

    Scoreboard(String target, int logItems) {
        this.target = target;
        this.logItems = logItems;
    }

    /** @param rank 0-based position of the event's item in the list, -1 when absent */
    void evaluation(int rank, int[] list, boolean firstHalf) {
        markShown(list);
        halves[firstHalf ? 0 : 1].count(rank);
        if (rank >= 0 && rank < 20) {
            hitSeries.set(all.evaluated);
        }
        all.count(rank);
    }

    /** The same evaluation event again, counted among cold-item events (its item was little used before it). */
    void coldItem(int rank, boolean firstHalf) {
        coldItems[firstHalf ? 0 : 1].count(rank);
    }

    /**
     * One basket of a warm user, tested with one list: a hit when any of its new items is in it.
     *
     * @param bestRank 0-based position of the basket's best-ranked new item, -1 when none is in the list
     */
    void basket(int bestRank, boolean firstHalf) {
        baskets[firstHalf ? 0 : 1].count(bestRank);
    }

    void cold(int rank, int[] list) {
        markShown(list);
        coldEvents++;
        if (rank >= 0 && rank < 20) {
            coldHits20++;
        }
    }

    private void markShown(int[] list) {
        for (int r = 0; r < Math.min(20, list.length); r++) {
            if (list[r] >= 0) {
                shown.set(list[r]);
            }
        }
    }

    public String target() {
        return target;
    }

    public int evaluated() {
        return all.evaluated();
    }

    public double hr10() {
        return all.hr10();
    }

    public double hr20() {
        return all.hr20();
    }

    public double mrr20() {
        return all.mrr20();
    }

    public int coldEvents() {
        return coldEvents;
    }

    public double coldHr20() {
        return ratio(coldHits20, coldEvents);
    }

    public double coverage20() {
        return ratio(shown.cardinality(), logItems);
    }

    public Half firstHalf() {
        return halves[0];
    }

    public Half secondHalf() {
        return halves[1];
    }

    /** Cold-item events of the first (0) or second (1) half of the stream. */
    public Half coldItems(int half) {
        return coldItems[half];
    }

    /** Cold-item events of the whole stream. */
    public Half coldItems() {
        return Half.sum(coldItems);
    }

    /** Baskets of the first (0) or second (1) half of the stream; each line its own basket when the log has no groups. */
    public Half baskets(int half) {
        return baskets[half];
    }

    /** Baskets of the whole stream. */
    public Half baskets() {
        return Half.sum(baskets);
    }

    /**
     * HR@20 over a moving window of {@code window} evaluation events, sampled at about
     * {@code points} positions; each point is (evaluation events so far, hit rate of the window).
     */
    public double[][] movingHr20(int window, int points) {
        int evaluated = all.evaluated;
        if (evaluated == 0) {
            return new double[0][];
        }
        int w = Math.max(1, Math.min(window, evaluated));
        int step = Math.max(1, (evaluated - w) / Math.max(1, points - 1));
        int count = (evaluated - w) / step + 1;
        double[][] series = new double[count][];
        for (int p = 0; p < count; p++) {
            int end = w + p * step;
            int hits = hitSeries.get(end - w, end).cardinality();
            series[p] = new double[] {end, (double) hits / w};
        }
        return series;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
