package io.streamrec.evaluation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human-readable table printed at the end of a run, one per target set, with a basket table when grouped. */
final class ResultsTable {
    private ResultsTable() {}

    /** @param grouping how the lines were grouped into baskets, null when they were not */
    static void print(List<ModelResult> results, String target, Grouping grouping, PrintStream out) {
        out.printf(Locale.ROOT, "%nTarget: %s%s%n", target.equals(Prequential.ALL) ? "all types" : target,
                grouping == null ? "" : ", per line (the lines of one " + grouping.column() + " tested together)");
        out.printf(Locale.ROOT, "%-11s %7s %7s %7s %8s %8s %10s %9s %9s %9s   %s%n", "model", "HR@10", "HR@20",
                "MRR@20", "coldHR20", "cov@20", "evaluated", "cold", "events/s", "HR20 1st/2nd",
                "coldItemHR20 (n)");
        for (ModelResult r : results) {
            Scoreboard b = r.board(target);
            out.printf(Locale.ROOT, "%-11s %7.4f %7.4f %7.4f %8.4f %8.4f %10d %9d %9.0f   %.4f/%.4f   %.4f (%d)%n",
                    r.name(), b.hr10(), b.hr20(), b.mrr20(), b.coldHr20(), b.coverage20(), b.evaluated(),
                    b.coldEvents(), r.eventsPerSecond(), b.firstHalf().hr20(), b.secondHalf().hr20(),
                    b.coldItems().hr20(), b.coldItems().evaluated());
        }
        if (grouping != null) {
            printBaskets(results, target, grouping, out);
        }
    }

    private static void printBaskets(List<ModelResult> results, String target, Grouping grouping, PrintStream out) {
        out.printf(Locale.ROOT, "Per basket (%s, %,d groups): a hit when any of its new items is in its one list%n",
                grouping.column(), grouping.groups());
        out.printf(Locale.ROOT, "%-11s %7s %7s %7s %10s   %-13s   %s%n", "model", "HR@10", "HR@20", "MRR@20",
                "baskets", "HR20 1st/2nd", "MRR20 1st/2nd");
        for (ModelResult r : results) {
            Scoreboard b = r.board(target);
            Scoreboard.Half all = b.baskets();
            out.printf(Locale.ROOT, "%-11s %7.4f %7.4f %7.4f %10d   %.4f/%.4f   %.4f/%.4f%n", r.name(), all.hr10(),
                    all.hr20(), all.mrr20(), all.evaluated(), b.baskets(0).hr20(), b.baskets(1).hr20(),
                    b.baskets(0).mrr20(), b.baskets(1).mrr20());
        }
    }
}
