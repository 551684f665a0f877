package io.streamrec.evaluation;

import java.util.Map;

/** POP: all-time interaction counts up to now. */
final class PopModel implements ReplayModel {
    private final UserHistories histories = new UserHistories(1);
    private final double[] counts;

    PopModel(ReplayLog log) {
        counts = new double[log.items().size()];
    }

    @Override
    public String name() {
        return "POP";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        return topByCounts(counts, null, histories, user, n);
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        counts[item]++;
        histories.add(user, item);
    }

    /** Known items (count > 0) the user has not had, by score then count; a null score means counts alone. */
    static int[] topByCounts(double[] counts, double[] score, UserHistories histories, int user, int n) {
        java.util.BitSet seen = histories.seen(user);
        RankedTop top = new RankedTop(n);
        for (int item = 0; item < counts.length; item++) {
            if (counts[item] > 0 && !seen.get(item)) {
                top.offer(item, score == null ? counts[item] : score[item], counts[item]);
            }
        }
        return top.bestFirst();
    }
}
