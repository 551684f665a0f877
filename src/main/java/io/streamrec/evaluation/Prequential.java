package io.streamrec.evaluation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The test-then-learn replay of EVALUATION.md: each event is first a test of the model as it
 * stood before it (when it is an evaluation event), then a training example.
 *
 * <p>When the log's lines carry groups ({@link EventGroups}: the lines of one basket), the whole
 * group is tested at its first line, with one list from the state before any of its lines, and its
 * lines are then learned each at its own place in the log. A shop shows its list before the basket
 * exists, so a line must not be scored with the help of the lines of its own basket. Each line that
 * is new for the user (and not already earlier in the basket) still counts on its own; each basket
 * counts once more on the basket figures, a hit when any of those lines' items is in its list.
 */
public final class Prequential {
    public static final String ALL = "all";
    static final int N = 20;

    private final ReplayLog log;
    private final List<String> targets;
    private final EventGroups groups;

    /** @param targets event types that form extra target sets besides all types (upper case) */
    public Prequential(ReplayLog log, List<String> targets) {
        this.log = log;
        this.targets = List.copyOf(targets);
        this.groups = EventGroups.of(log);
    }

    /** How many groups the log's lines form; a line of no group counts as one. */
    public int groups() {
        return groups.count();
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
        long start = System.nanoTime();
        for (int e = 0; e < log.size(); e++) {
            LoggedEvent event = log.event(e);
            int user = log.user(e);
            int item = log.item(e);
            while (seen.size() <= user) {
                seen.add(new BitSet());
            }
            BitSet had = seen.get(user);
            boolean newForUser = !had.get(item);
            if (groups.startsGroup(e)) {
                int[] tested = testedLines(e, had);
                // Every evaluation event counts on the board of all types, so it always needs its list.
                int[] list = model.testThenLearn(user, item, event, newForUser, tested.length > 0, N);
                if (list != null) {
                    score(e, tested, list, had.isEmpty(), itemEvents, boards);
                }
            } else {
                model.learn(user, item, event, newForUser);
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

    /** The lines of the group starting at {@code first} that are evaluated: items new for the user, once each. */
    private int[] testedLines(int first, BitSet had) {
        if (groups.next(first) < 0) {
            return had.get(log.item(first)) ? new int[0] : new int[] {first};
        }
        List<Integer> tested = new ArrayList<>();
        BitSet inGroup = new BitSet();
        for (int line = first; line >= 0; line = groups.next(line)) {
            int item = log.item(line);
            if (!had.get(item) && !inGroup.get(item)) {
                tested.add(line);
            }
            inGroup.set(item);
        }
        return tested.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Each tested line of one group against the group's list, then the group as one basket, on every board it concerns. */
    private void score(int first, int[] tested, int[] list, boolean cold, int[] itemEvents, List<Scoreboard> boards) {
        boolean firstHalf = first < log.size() / 2;
        for (int b = 0; b < boards.size(); b++) {
            int bestRank = Integer.MAX_VALUE;
            boolean concerned = false;
            for (int line : tested) {
                if (b > 0 && !targets.get(b - 1).equals(log.event(line).type())) {
                    continue;
                }
                concerned = true;
                int item = log.item(line);
                int rank = rankOf(item, list);
                if (rank >= 0) {
                    bestRank = Math.min(bestRank, rank);
                }
                if (cold) {
                    boards.get(b).cold(rank, list);
                } else {
                    boolean lineFirstHalf = line < log.size() / 2;
                    boards.get(b).evaluation(rank, list, lineFirstHalf);
                    if (itemEvents[item] < Scoreboard.COLD_ITEM_EVENTS) {
                        boards.get(b).coldItem(rank, lineFirstHalf);
                    }
                }
            }
            if (concerned && !cold) {
                boards.get(b).basket(bestRank == Integer.MAX_VALUE ? -1 : bestRank, firstHalf);
            }
        }
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
