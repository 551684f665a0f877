package io.streamrec.evaluation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The test-then-learn replay of EVALUATION.md: each event is first a test of the model as it
 * stood before it (when it is an evaluation event), then a training example.
 */
public final class Prequential {
    public static final String ALL = "all";
    static final int N = 20;

    private final ReplayLog log;
    private final List<String> targets;

    /** @param targets event types that form extra target sets besides all types (upper case) */
    public Prequential(ReplayLog log, List<String> targets) {
        this.log = log;
        this.targets = List.copyOf(targets);
    }

    /** @param progress told how many events were replayed, every few thousand */
    public ModelResult run(ReplayModel model, boolean isDefault, LongConsumer progress) {
        List<Scoreboard> boards = new ArrayList<>();
        boards.add(new Scoreboard(ALL, log.items().size()));
        for (String target : targets) {
            boards.add(new Scoreboard(target, log.items().size()));
        }
        List<BitSet> seen = new ArrayList<>();
        int[] itemEvents = new int[log.items().size()];
        int half = log.size() / 2;
        long start = System.nanoTime();
        for (int e = 0; e < log.size(); e++) {
            LoggedEvent event = log.event(e);
            int user = log.user(e);
            int item = log.item(e);
            while (seen.size() <= user) {
                seen.add(new BitSet());
            }
            BitSet had = seen.get(user);
            boolean cold = had.isEmpty();
            boolean newForUser = !had.get(item);
            // Every evaluation event counts on the board of all types, so it always needs its list.
            int[] list = model.testThenLearn(user, item, event, newForUser, newForUser, N);
            if (list != null) {
                int rank = rankOf(item, list);
                for (int b = 0; b < boards.size(); b++) {
                    if (b == 0 || targets.get(b - 1).equals(event.type())) {
                        if (cold) {
                            boards.get(b).cold(rank, list);
                        } else {
                            boards.get(b).evaluation(rank, list, e < half);
                            if (itemEvents[item] < Scoreboard.COLD_ITEM_EVENTS) {
                                boards.get(b).coldItem(rank, e < half);
                            }
                        }
                    }
                }
            }
            had.set(item);
            itemEvents[item]++;
            if ((e & 4095) == 4095) {
                progress.accept(e + 1);
            }
        }
        progress.accept(log.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ModelResult(model.name(), isDefault, model.params(), boards, log.size(), seconds);
    }

    static int rankOf(int item, int[] list) {
        for (int r = 0; r < list.length; r++) {
            if (list[r] == item) {
                return r;
            }
        }
        return -1;
    }

    /** Types named on the command line, in the readers' spelling. */
    static List<String> normalise(Set<String> types) {
        return types.stream().map(EventTypes::canonical).distinct().sorted().toList();
    }
}
