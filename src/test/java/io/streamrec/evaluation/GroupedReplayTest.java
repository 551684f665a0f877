package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.model.EventWeights;
import io.streamrec.model.ModelParams;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay of a log whose lines form baskets: each basket tested whole, before any of its lines is learned. */
class GroupedReplayTest {

    private static LoggedEvent line(String user, String item, long t, String basket) {
        return new LoggedEvent(user, item, "PURCHASE", Double.NaN, t, basket);
    }

    /**
     * Items get dense ids in order of first appearance: a=0, b=1, c=2, z=3. u2's basket makes them
     * known; u1 buys z alone, then a, b and c in one basket.
     */
    private static List<LoggedEvent> shop() {
        return List.of(
                line("u2", "a", 1, "i0"), line("u2", "b", 1, "i0"), line("u2", "c", 1, "i0"), line("u2", "z", 1, "i0"),
                line("u1", "z", 2, "i1"),
                line("u1", "a", 3, "i2"), line("u1", "b", 3, "i2"), line("u1", "c", 3, "i2"));
    }

    /** Without the basket column: the same lines, each its own group. */
    private static List<LoggedEvent> ungrouped(List<LoggedEvent> events) {
        return events.stream().map(e -> new LoggedEvent(e.user(), e.item(), e.type(), e.value(), e.timestamp()))
                .toList();
    }

    /**
     * Recommends the item whose id follows the user's last learned item: right, in {@link #shop()},
     * only for a line whose predecessor in the same basket was already learned. It stands for any
     * model that leans on the basket's own lines.
     */
    private static final class NextOfLastItem implements ReplayModel {
        final Map<Integer, Integer> last = new HashMap<>();
        final Map<Integer, BitSet> had = new HashMap<>();
        final List<Integer> asked = new ArrayList<>();
        final int items;

        NextOfLastItem(ReplayLog log) {
            items = log.items().size();
        }

        public String name() {
            return "NEXT";
        }

        public Map<String, Object> params() {
            return Map.of();
        }

        public int[] recommend(int user, int n, long now) {
            asked.add(user);
            Integer previous = last.get(user);
            if (previous == null || previous + 1 >= items || had.get(user).get(previous + 1)) {
                return new int[0];
            }
            return new int[] {previous + 1};
        }

        public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
            last.put(user, item);
            had.computeIfAbsent(user, u -> new BitSet()).set(item);
        }
    }

    @Test
    void aModelThatLeansOnTheBasketsOwnLinesScoresPerLineButNotWhenTheBasketIsTestedWhole() {
        ReplayLog flat = new ReplayLog(ungrouped(shop()));
        Scoreboard perLine = new Prequential(flat, List.of()).run(new NextOfLastItem(flat), false, n -> {})
                .board(Prequential.ALL);
        ReplayLog baskets = new ReplayLog(shop());
        Scoreboard grouped = new Prequential(baskets, List.of()).run(new NextOfLastItem(baskets), false, n -> {})
                .board(Prequential.ALL);

        assertThat(perLine.evaluated()).as("u2's lines after its first, and u1's a, b, c").isEqualTo(6);
        assertThat(perLine.hr20()).as("each of them but u1's a, asked right after the line before it")
                .isCloseTo(5.0 / 6, within(1e-12));
        assertThat(grouped.evaluated()).as("u2's whole first basket is a cold user's").isEqualTo(3);
        assertThat(grouped.hr20()).as("a, b and c all asked after z").isZero();
        assertThat(grouped.baskets().evaluated()).isEqualTo(1);
        assertThat(grouped.baskets().hr20()).isZero();
    }

    @Test
    void theListIsAskedForOncePerBasketBeforeAnyOfItsLinesIsLearned() {
        ReplayLog log = new ReplayLog(shop());
        List<String> calls = new ArrayList<>();
        ReplayModel spy = new ReplayModel() {
            public String name() {
                return "spy";
            }

            public Map<String, Object> params() {
                return Map.of();
            }

            public int[] recommend(int user, int n, long now) {
                calls.add("list " + log.users().name(user));
                return new int[0];
            }

            public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
                calls.add("learn " + event.user() + " " + event.item());
            }
        };
        new Prequential(log, List.of()).run(spy, false, n -> {});

        assertThat(calls).containsExactly(
                "list u2", "learn u2 a", "learn u2 b", "learn u2 c", "learn u2 z",
                "list u1", "learn u1 z",
                "list u1", "learn u1 a", "learn u1 b", "learn u1 c");
        NextOfLastItem model = new NextOfLastItem(new ReplayLog(ungrouped(shop())));
        new Prequential(new ReplayLog(ungrouped(shop())), List.of()).run(model, false, n -> {});
        assertThat(model.asked).as("one list per line without groups").hasSize(8);
    }

    /** Lists every item in the order of first appearance, except those the user has: a known list for each basket. */
    private static final class Catalogue implements ReplayModel {
        final Map<Integer, BitSet> had = new HashMap<>();
        final int items;

        Catalogue(ReplayLog log) {
            items = log.items().size();
        }

        public String name() {
            return "CATALOGUE";
        }

        public Map<String, Object> params() {
            return Map.of();
        }

        public int[] recommend(int user, int n, long now) {
            BitSet mine = had.getOrDefault(user, new BitSet());
            return java.util.stream.IntStream.range(0, items).filter(i -> !mine.get(i)).limit(n).toArray();
        }

        public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
            had.computeIfAbsent(user, u -> new BitSet()).set(item);
        }
    }

    @Test
    void aBasketIsAHitWhenAnyNewItemIsListedAndRanksByItsBestItem() {
        List<LoggedEvent> events = new ArrayList<>();
        // i0..i24 known from u0's first basket (cold); then u0 buys i3 again, i22 and i21 in one basket.
        for (int i = 0; i < 25; i++) {
            events.add(line("u0", "i" + i, 1, "first"));
        }
        events.add(line("u9", "i25", 1, "other"));
        events.add(line("u9", "i26", 2, "second"));
        events.add(line("u9", "i26", 2, "second"));
        events.add(line("u9", "i0", 2, "second"));
        events.add(line("u9", "i24", 2, "second"));
        ReplayLog log = new ReplayLog(events);
        Scoreboard board = new Prequential(log, List.of()).run(new Catalogue(log), false, n -> {})
                .board(Prequential.ALL);

        // u9 had only i25, so the list is i0..i19. Lines: i26 (absent), i26 again (not new: counted
        // once per basket), i0 (rank 0), i24 (absent).
        assertThat(board.evaluated()).isEqualTo(3);
        assertThat(board.hr20()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(board.coldEvents()).as("u0's first basket and u9's first line").isEqualTo(26);
        assertThat(board.baskets().evaluated()).isEqualTo(1);
        assertThat(board.baskets().hr10()).isEqualTo(1.0);
        assertThat(board.baskets().mrr20()).isEqualTo(1.0);
    }

    /** Every model of the evaluate command, as the replay drives it. */
    private static List<ReplayModel> everyModel(ReplayLog log) {
        return List.of(new StreamrecModel(log, ModelParams.defaults(), EventWeights.defaults(), List.of(), 7),
                new PopModel(log), new RecentPopModel(log, 86_400_000L), new ItemKnnModel(log, 5),
                new IsgdModel(log, 10, 0.05f, 0.01f, 7));
    }

    @Test
    void everyModelIsAskedBeforeTheBasketIsLearnedAndListsNothingTheUserHadBeforeIt() {
        List<LoggedEvent> events = new ArrayList<>();
        String[] items = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int t = 0; t < 80; t++) {
            String user = "u" + (t % 5);
            for (int k = 0; k < 3; k++) {
                events.add(line(user, items[(t * 3 + k * 5) % items.length], t * 60_000L, "inv" + t));
            }
        }
        ReplayLog log = new ReplayLog(events);
        for (ReplayModel model : everyModel(log)) {
            Map<Integer, BitSet> learned = new HashMap<>();
            Map<Integer, Long> lastLearned = new HashMap<>();
            int[] lists = {0};
            ReplayModel checked = new ReplayModel() {
                public String name() {
                    return model.name();
                }

                public Map<String, Object> params() {
                    return Map.of();
                }

                public int[] recommend(int user, int n, long now) {
                    assertThat(lastLearned.getOrDefault(user, -1L)).as("%s: no line of the basket at %d learned yet",
                            model.name(), now).isLessThan(now);
                    int[] list = model.recommend(user, n, now);
                    BitSet had = learned.getOrDefault(user, new BitSet());
                    for (int item : list) {
                        assertThat(item >= 0 && had.get(item)).as("%s listed item %d to user %d who had it",
                                model.name(), item, user).isFalse();
                    }
                    lists[0]++;
                    return list;
                }

                public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
                    lastLearned.put(user, event.timestamp());
                    learned.computeIfAbsent(user, u -> new BitSet()).set(item);
                    model.learn(user, item, event, newForUser);
                }
            };
            Scoreboard board = new Prequential(log, List.of()).run(checked, false, n -> {}).board(Prequential.ALL);

            assertThat(lists[0]).as(model.name() + ": at most one list per basket").isBetween(1, 80);
            assertThat(board.baskets().evaluated()).as(model.name()).isPositive();
            assertThat(board.evaluated()).as(model.name() + ": lines tested, three at most per basket")
                    .isGreaterThan(board.baskets().evaluated()).isLessThanOrEqualTo(3 * board.baskets().evaluated());
        }
    }

    @Test
    void withoutGroupsEveryLineIsABasketOfItsOwn() {
        ReplayLog log = new ReplayLog(ungrouped(shop()));
        Scoreboard board = new Prequential(log, List.of()).run(new PopModel(log), false, n -> {})
                .board(Prequential.ALL);

        assertThat(board.baskets().evaluated()).isEqualTo(board.evaluated());
        assertThat(board.baskets().hr20()).isEqualTo(board.hr20());
        assertThat(board.baskets().mrr20()).isCloseTo(board.mrr20(), within(1e-12));
    }

    @Test
    void aGroupIsAUsersRunOfLinesWithOneValueWhateverOtherUsersDoInBetween() {
        ReplayLog log = new ReplayLog(List.of(
                line("u1", "a", 1, "x"),   // 0: starts u1's x
                line("u2", "a", 1, "x"),   // 1: u2's own x, not u1's
                line("u1", "b", 1, "x"),   // 2: u1's x goes on past u2's line
                line("u1", "c", 2, "y"),   // 3: starts y
                line("u1", "d", 3, "x"),   // 4: x again after y: a new group
                line("u1", "e", 3, null),  // 5: no value: its own group
                line("u1", "f", 3, null)));// 6: and so is this one
        EventGroups groups = EventGroups.of(log);

        assertThat(List.of(0, 1, 2, 3, 4, 5, 6)).map(groups::startsGroup)
                .containsExactly(true, true, false, true, true, true, true);
        assertThat(groups.next(0)).isEqualTo(2);
        assertThat(groups.next(2)).isEqualTo(-1);
        assertThat(groups.next(1)).isEqualTo(-1);
        assertThat(groups.count()).isEqualTo(6);
    }
}
