package io.streamrec.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline protocol the seed literature reports: learn from the first 80% of the stream (by
 * time), then ask each user with training history once for a list and compare it with the new
 * items of their last 20%. Precision and recall at N are averaged over users; F1 is their
 * harmonic mean.
 */
final class Holdout {
    private static final int[] CUTOFFS = {10, 20};

    record Result(String name, Map<String, Object> params, int users, double precision10, double recall10,
                  double f1at10, double precision20, double recall20, double f1at20) {
    }

    private final ReplayLog log;
    private final double trainShare;

    Holdout(ReplayLog log, double trainShare) {
        this.log = log;
        this.trainShare = trainShare;
    }

    Result run(ReplayModel model) {
        int split = (int) Math.round(log.size() * trainShare);
        List<BitSet> seen = new ArrayList<>();
        for (int e = 0; e < split; e++) {
            BitSet had = seenOf(seen, log.user(e));
            model.learn(log.user(e), log.item(e), log.event(e), !had.get(log.item(e)));
            had.set(log.item(e));
        }
        List<BitSet> relevant = new ArrayList<>();
        for (int e = split; e < log.size(); e++) {
            int user = log.user(e);
            if (user < seen.size() && !seen.get(user).isEmpty() && !seen.get(user).get(log.item(e))) {
                seenOf(relevant, user).set(log.item(e));
            }
        }
        long now = log.event(split - 1).timestamp();
        double[] precision = new double[CUTOFFS.length];
        double[] recall = new double[CUTOFFS.length];
        int users = 0;
        for (int user = 0; user < relevant.size(); user++) {
            BitSet wanted = relevant.get(user);
            if (wanted.isEmpty()) {
                continue;
            }
            users++;
            int[] list = model.recommend(user, CUTOFFS[CUTOFFS.length - 1], now);
            for (int c = 0; c < CUTOFFS.length; c++) {
                int hits = 0;
                for (int r = 0; r < Math.min(CUTOFFS[c], list.length); r++) {
                    if (list[r] >= 0 && wanted.get(list[r])) {
                        hits++;
                    }
                }
                precision[c] += (double) hits / CUTOFFS[c];
                recall[c] += (double) hits / wanted.cardinality();
            }
        }
        for (int c = 0; c < CUTOFFS.length; c++) {
            precision[c] = users == 0 ? 0 : precision[c] / users;
            recall[c] = users == 0 ? 0 : recall[c] / users;
        }
        return new Result(model.name(), model.params(), users, precision[0], recall[0], f1(precision[0], recall[0]),
                precision[1], recall[1], f1(precision[1], recall[1]));
    }

    static void print(List<Result> results, PrintStream out) {
        out.printf(Locale.ROOT, "%nTemporal 80/20 holdout%n%-11s %6s %7s %7s %7s %7s %7s %7s%n", "model", "users",
                "P@10", "R@10", "F1@10", "P@20", "R@20", "F1@20");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-11s %6d %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f%n", r.name(), r.users(),
                    r.precision10(), r.recall10(), r.f1at10(), r.precision20(), r.recall20(), r.f1at20());
        }
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static BitSet seenOf(List<BitSet> sets, int user) {
        while (sets.size() <= user) {
            sets.add(new BitSet());
        }
        return sets.get(user);
    }
}
