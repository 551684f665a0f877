package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay on a hand-made log whose every list is known (POP, ties to the item seen first). */
class PrequentialTest {

    private static LoggedEvent e(String user, String item, long t, String type) {
        return new LoggedEvent(user, item, type, Double.NaN, t);
    }

    /**
     * Lists before each event (counts so far, minus the user's items):
     * e1 u1 a cold []          miss   e7  u3 a [a b]    hit@1
     * e2 u2 a cold [a]         hit    e8  u3 b [b]      hit@1
     * e3 u1 b      []          miss   e9  u2 c [c]      hit@1
     * e4 u2 b      [b]         hit@1  e10 u4 d cold [a b c] miss
     * e5 u3 c cold [a b]       miss   e11 u4 b [a b c]  hit@2
     * e6 u1 a repeat, not evaluated
     */
    private static List<LoggedEvent> log() {
        List<LoggedEvent> events = new ArrayList<>(List.of(
                e("u1", "a", 1, "VIEW"), e("u2", "a", 2, "VIEW"), e("u1", "b", 3, "VIEW"),
                e("u2", "b", 4, "PURCHASE"), e("u3", "c", 5, "VIEW"), e("u1", "a", 6, "VIEW"),
                e("u3", "a", 7, "VIEW"), e("u3", "b", 8, "VIEW"), e("u2", "c", 9, "VIEW"),
                e("u4", "d", 10, "VIEW"), e("u4", "b", 11, "PURCHASE")));
        return events;
    }

    @Test
    void countsHitsRanksAndColdUsersExactly() {
        ReplayLog log = new ReplayLog(log());
        ModelResult result = new Prequential(log, List.of()).run(new PopModel(log), false, n -> {});
        Scoreboard all = result.board(Prequential.ALL);

        assertThat(all.evaluated()).isEqualTo(6);
        assertThat(all.hr20()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(all.hr10()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(all.mrr20()).isCloseTo((1 + 1 + 1 + 1 + 0.5) / 6, within(1e-12));
        assertThat(all.coldEvents()).isEqualTo(4);
        assertThat(all.coldHr20()).isCloseTo(0.25, within(1e-12));
        assertThat(all.coverage20()).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(result.events()).isEqualTo(11);
    }

    @Test
    void aTargetTypeIsScoredOnItsOwnEventsOnly() {
        ReplayLog log = new ReplayLog(log());
        ModelResult result = new Prequential(log, List.of("PURCHASE")).run(new PopModel(log), false, n -> {});
        Scoreboard purchases = result.board("PURCHASE");

        assertThat(purchases.evaluated()).isEqualTo(2);
        assertThat(purchases.hr20()).isEqualTo(1.0);
        assertThat(purchases.mrr20()).isCloseTo(0.75, within(1e-12));
        assertThat(result.board(Prequential.ALL).evaluated()).isEqualTo(6);
    }

    @Test
    void coldItemEventsAreThoseWhoseItemHadFewerThanFiveEarlierEvents() {
        List<LoggedEvent> events = new ArrayList<>();
        for (int u = 1; u <= 6; u++) {
            events.add(e("u" + u, "x", u, "VIEW"));
        }
        // p has 0, 1, 2, 3, 4, then 5 earlier events: the first five are cold-item events. POP lists
        // nothing for the first (x is seen), then p.
        for (int u = 1; u <= 6; u++) {
            events.add(e("u" + u, "p", 10 + u, "VIEW"));
        }
        ReplayLog log = new ReplayLog(events);
        Scoreboard all = new Prequential(log, List.of()).run(new PopModel(log), false, n -> {}).board(Prequential.ALL);

        assertThat(all.evaluated()).isEqualTo(6);
        assertThat(all.coldItems().evaluated()).isEqualTo(5);
        assertThat(all.coldItems().hr20()).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(all.coldItems(0).evaluated()).as("events 0..5 are the first half").isZero();
        assertThat(all.coldItems(1).evaluated()).isEqualTo(5);
    }

    @Test
    void theModelOnlyEverSeesThePast() {
        ReplayLog log = new ReplayLog(log());
        List<Long> learned = new ArrayList<>();
        ReplayModel spy = new ReplayModel() {
            public String name() {
                return "spy";
            }

            public java.util.Map<String, Object> params() {
                return java.util.Map.of();
            }

            public int[] recommend(int user, int n, long now) {
                assertThat(learned).allMatch(t -> t < now);
                return new int[0];
            }

            public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
                learned.add(event.timestamp());
            }
        };
        new Prequential(log, List.of()).run(spy, false, n -> {});
        assertThat(learned).hasSize(11);
    }

    @Test
    void movingHitRateFollowsTheHits() {
        ReplayLog log = new ReplayLog(log());
        Scoreboard all = new Prequential(log, List.of()).run(new PopModel(log), false, n -> {}).board(Prequential.ALL);
        double[][] series = all.movingHr20(3, 10);
        // hits in evaluation order: miss, hit, hit, hit, hit, hit
        assertThat(series[0]).containsExactly(3, 2.0 / 3);
        assertThat(series[series.length - 1]).containsExactly(6, 1.0);
    }
}
