package io.streamrec.model.ranking;

import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.ranker.PopularityOrder;
import java.util.Arrays;

/**
 * A new user's list in each {@link PopularityOrder}, over the candidates of their list (trending
 * and all-time popular items), and which orders had their first pick among the first n.
 */
final class PopularityOrders {
    private PopularityOrders() {
    }

    /**
     * Every admitted candidate's score in {@code order}, into {@code c.score}, for a list of
     * {@code n}; {@code c.popularity} must hold the admitted candidates' decayed popularity.
     */
    static void score(ItemIndex.Snapshot snapshot, Candidates c, PopularityOrder order, int n) {
        score(c, order, n, order == PopularityOrder.TRENDING ? null : users(snapshot, c));
    }

    /** The {@link PopularityOrder#bit()}s of the orders that list the candidate at {@code pick} among the first n. */
    static int hits(ItemIndex.Snapshot snapshot, Candidates c, int pick, int n) {
        double[] users = users(snapshot, c);
        int orders = 0;
        for (PopularityOrder order : PopularityOrder.values()) {
            score(c, order, n, users);
            if (c.expectedPosition(pick) < n) {
                orders |= order.bit();
            }
        }
        return orders;
    }

    /** {@link #score(ItemIndex.Snapshot, Candidates, PopularityOrder, int)} with the candidates' distinct users read. */
    private static void score(Candidates c, PopularityOrder order, int n, double[] users) {
        switch (order) {
            case TRENDING -> relative(c, c.popularity);
            case ALL_TIME -> relative(c, users);
            case BOTH -> {
                double[] byPopularity = admittedSorted(c, c.popularity);
                double[] byUsers = admittedSorted(c, users);
                for (int k = 0; k < c.size; k++) {
                    if (c.admitted[k]) {
                        c.score[k] = 1.0 / (n + above(byPopularity, c.popularity[k]))
                                + 1.0 / (n + above(byUsers, users[k]));
                    }
                }
            }
        }
    }

    private static double[] users(ItemIndex.Snapshot snapshot, Candidates c) {
        double[] users = new double[c.size];
        for (int k = 0; k < c.size; k++) {
            if (c.admitted[k]) {
                users[k] = snapshot.entry(c.slots[k]).distinctUsers();
            }
        }
        return users;
    }

    /** Scores over the largest, as the blend scores trending lists. */
    private static void relative(Candidates c, double[] values) {
        double max = 0;
        for (int k = 0; k < c.size; k++) {
            if (c.admitted[k]) {
                max = Math.max(max, values[k]);
            }
        }
        for (int k = 0; k < c.size; k++) {
            if (c.admitted[k]) {
                c.score[k] = max > 0 ? values[k] / max : 0;
            }
        }
    }

    /** The admitted candidates' values, ascending. */
    private static double[] admittedSorted(Candidates c, double[] values) {
        double[] sorted = new double[c.size];
        int m = 0;
        for (int k = 0; k < c.size; k++) {
            if (c.admitted[k]) {
                sorted[m++] = values[k];
            }
        }
        sorted = Arrays.copyOf(sorted, m);
        Arrays.sort(sorted);
        return sorted;
    }

    /** How many of the ascending {@code sorted} are larger than {@code value}: its rank, 0 for the first. */
    private static int above(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] > value) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return sorted.length - low;
    }
}
