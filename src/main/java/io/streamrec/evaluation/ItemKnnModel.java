package io.streamrec.evaluation;

import java.util.Arrays;
import java.util.Map;

/**
 * ITEM-KNN as EVALUATION.md defines it: cosine on binary user histories, updated per event
 * (n_i distinct users, co(i,j) distinct users with both, sim = co / sqrt(n_i n_j)); a candidate
 * scores the sum of its similarities to the user's L most recent distinct items; ties, including
 * all-zero scores, fall back to POP. Sums are rounded to {@link #SCORE_DECIMALS} decimals first: the
 * same similarities added in another order differ in the last bits, and such a difference must not
 * outrank popularity.
 */
final class ItemKnnModel implements ReplayModel {
    static final int SCORE_DECIMALS = 9;
    private static final double SCALE = Math.pow(10, SCORE_DECIMALS);

    private final int recent;
    private final UserHistories histories;
    private final double[] counts;
    private final int[] distinctUsers;
    private final IntCounts[] coOccurrence;
    private final double[] score;

    ItemKnnModel(ReplayLog log, int recent) {
        this.recent = recent;
        int items = log.items().size();
        histories = new UserHistories(recent);
        counts = new double[items];
        distinctUsers = new int[items];
        coOccurrence = new IntCounts[items];
        score = new double[items];
    }

    @Override
    public String name() {
        return "ITEM-KNN";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("recent_items", recent, "similarity", "cosine", "score_decimals", SCORE_DECIMALS);
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        Arrays.fill(score, 0);
        for (int r : histories.recent(user)) {
            IntCounts row = coOccurrence[r];
            if (row == null) {
                continue;
            }
            int[] keys = row.keySlots();
            int[] values = row.valueSlots();
            double nr = distinctUsers[r];
            for (int s = 0; s < keys.length; s++) {
                int j = keys[s];
                if (j >= 0) {
                    score[j] += values[s] / Math.sqrt(nr * distinctUsers[j]);
                }
            }
        }
        for (int j = 0; j < score.length; j++) {
            score[j] = rounded(score[j]);
        }
        return PopModel.topByCounts(counts, score, histories, user, n);
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        counts[item]++;
        if (newForUser) {
            distinctUsers[item]++;
            java.util.BitSet had = histories.seen(user);
            for (int j = had.nextSetBit(0); j >= 0; j = had.nextSetBit(j + 1)) {
                row(item).increment(j);
                row(j).increment(item);
            }
        }
        histories.add(user, item);
    }

    static double rounded(double score) {
        return Math.rint(score * SCALE) / SCALE;
    }

    private IntCounts row(int item) {
        IntCounts row = coOccurrence[item];
        if (row == null) {
            row = coOccurrence[item] = new IntCounts();
        }
        return row;
    }
}
