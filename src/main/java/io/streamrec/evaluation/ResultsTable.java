package io.streamrec.evaluation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human-readable table printed at the end of a run, one per target set. */
final class ResultsTable {
    private ResultsTable() {}

    static void print(List<ModelResult> results, String target, PrintStream out) {
        out.printf(Locale.ROOT, "%nTarget: %s%n", target.equals(Prequential.ALL) ? "all types" : target);
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
    }
}
