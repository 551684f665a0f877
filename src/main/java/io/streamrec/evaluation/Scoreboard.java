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
    private int evaluated;
    private int hits10;
    private int hits20;
    private double reciprocalRanks;
    private int coldEvents;
    private int coldHits20;
    private final Half[] halves = {new Half(), new Half()};
    /** Evaluation events whose item had fewer than {@link #COLD_ITEM_EVENTS} earlier events, per half. */
    private final Half[] coldItems = {new Half(), new Half()};
    /** An item with fewer earlier events than this (from anyone) is cold when it is the target. */
    public static final int COLD_ITEM_EVENTS = 5;

    /** Hits of the evaluation events in one half of the stream. */
    public static final class Half {
        int evaluated;
        int hits20;
        double reciprocalRanks;

        public int evaluated() {
            return evaluated;
        }

        public double hr20() {
            return evaluated == 0 ? 0 : (double) hits20 / evaluated;
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
        boolean hit = rank >= 0 && rank < 20;
        Half half = halves[firstHalf ? 0 : 1];
        half.evaluated++;
        if (hit) {
            hitSeries.set(evaluated);
            hits20++;
            reciprocalRanks += 1.0 / (rank + 1);
            half.hits20++;
            half.reciprocalRanks += 1.0 / (rank + 1);
            if (rank < 10) {
                hits10++;
            }
        }
        evaluated++;
    }

    /** The same evaluation event again, counted among cold-item events (its item was little used before it). */
    void coldItem(int rank, boolean firstHalf) {
        Half half = coldItems[firstHalf ? 0 : 1];
        half.evaluated++;
        if (rank >= 0 && rank < 20) {
            half.hits20++;
            half.reciprocalRanks += 1.0 / (rank + 1);
        }
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
        Half all = new Half();
        for (Half h : coldItems) {
            all.evaluated += h.evaluated;
            all.hits20 += h.hits20;
            all.reciprocalRanks += h.reciprocalRanks;
        }
        return all;
    }

    /**
     * HR@20 over a moving window of {@code window} evaluation events, sampled at about
     * {@code points} positions; each point is (evaluation events so far, hit rate of the window).
     */
    public double[][] movingHr20(int window, int points) {
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
