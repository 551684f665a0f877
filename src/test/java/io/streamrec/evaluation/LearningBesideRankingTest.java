package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.EventWeights;
import io.streamrec.model.ListPolicy;
import io.streamrec.model.ModelParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Learning each event on a second copy of the index, on a second thread, while its list is ranked
 * must give the lists of learning it afterwards on one copy: the same ones, event by event.
 */
class LearningBesideRankingTest {
    /** A type without a weight is not learned from: such an event still excludes its item but moves nothing. */
    private static final String UNWEIGHTED = "HOVER";
    private static final EventWeights WEIGHTS = EventWeights.defaults();

    private static ReplayLog log() {
        Random random = new Random(11);
        List<LoggedEvent> events = new ArrayList<>();
        long t = 1_000_000;
        for (int e = 0; e < 6_000; e++) {
            int user = random.nextInt(120);
            // Users drift through a catalogue of 300 along a few paths, so co-visitation has something to find.
            int item = (user * 7 + e / 40 + random.nextInt(12)) % 300;
            String type = random.nextInt(10) == 0 ? UNWEIGHTED : "VIEW";
            events.add(new LoggedEvent("u" + user, "i" + item, type, Double.NaN, t += 1 + random.nextInt(3)));
        }
        return new ReplayLog(events);
    }

    private static List<CatalogueItem> catalogue() {
        List<CatalogueItem> items = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            items.add(new CatalogueItem("i" + i, "Item " + (i % 40) + " of shelf " + (i / 40),
                    List.of("c" + (i % 9), "d" + (i % 4))));
        }
        return items;
    }

    private static StreamrecModel model(ReplayLog log, BooleanSupplier inTurn) {
        return new StreamrecModel(log, ModelParams.defaults(), WEIGHTS, catalogue(), List.of(), 5,
                StreamrecModel.CatalogueArrival.START, ListPolicy.none(), inTurn);
    }

    /** One event of the log, with whether its user meets its item for the first time. */
    @FunctionalInterface
    private interface Step {
        void at(int e, int user, int item, boolean newForUser);
    }

    private static void replay(ReplayLog log, Step step) {
        java.util.BitSet[] had = new java.util.BitSet[log.users().size()];
        for (int e = 0; e < log.size(); e++) {
            int user = log.user(e);
            int item = log.item(e);
            if (had[user] == null) {
                had[user] = new java.util.BitSet();
            }
            step.at(e, user, item, !had[user].get(item));
            had[user].set(item);
        }
    }

    private static void assertSameListsAsInTurn(BooleanSupplier inTurn) {
        ReplayLog log = log();
        StreamrecModel oneCopy = model(log, null);
        StreamrecModel twoCopies = model(log, inTurn);
        AtomicInteger compared = new AtomicInteger();
        replay(log, (e, user, item, newForUser) -> {
            int[] expected = oneCopy.testThenLearn(user, item, log.event(e), newForUser, newForUser, 20);
            int[] actual = twoCopies.testThenLearn(user, item, log.event(e), newForUser, newForUser, 20);
            assertThat(actual).as("event %d", e).isEqualTo(expected);
            if (expected != null) {
                compared.incrementAndGet();
            }
        });
        assertThat(compared.get()).isGreaterThan(3_000);
    }

    @Test
    void listsAreTheSameAsWithOneCopyLearnedInTurn() {
        assertSameListsAsInTurn(() -> false);
    }

    @Test
    void listsStayTheSameWhenItSwitchesBetweenBesideAndInTurn() {
        AtomicInteger step = new AtomicInteger();
        // Runs of either mode, as while the JIT comes and goes.
        assertSameListsAsInTurn(() -> step.incrementAndGet() / 7 % 2 == 0);
    }

    @Test
    void learningAloneAfterwardsKeepsTheCopyThatHoldsEveryEvent() {
        ReplayLog log = log();
        StreamrecModel oneCopy = model(log, null);
        StreamrecModel twoCopies = model(log, () -> false);
        replay(log, (e, user, item, newForUser) -> {
            if (e < log.size() / 2) {
                oneCopy.testThenLearn(user, item, log.event(e), newForUser, newForUser, 20);
                twoCopies.testThenLearn(user, item, log.event(e), newForUser, newForUser, 20);
            } else {
                // As the holdout does: lists asked for and events learned apart, never as one step.
                long now = log.event(e).timestamp();
                assertThat(twoCopies.recommend(user, 20, now)).as("event %d", e)
                        .isEqualTo(oneCopy.recommend(user, 20, now));
                oneCopy.learn(user, item, log.event(e), newForUser);
                twoCopies.learn(user, item, log.event(e), newForUser);
            }
        });
    }

    @Test
    void aCatalogueArrivingDuringTheStreamIsRefused() {
        ReplayLog log = log();
        assertThatThrownBy(() -> new StreamrecModel(log, ModelParams.defaults(), WEIGHTS, catalogue(), List.of(), 5,
                StreamrecModel.CatalogueArrival.FIRST_EVENT, ListPolicy.none(), () -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSideTaskRunsBesideTheCallerAndItsFailureReachesTheCaller() {
        SideThread side = new SideThread("test-side");
        int[] box = new int[1];
        for (int i = 1; i <= 1_000; i++) {
            int value = i;
            side.submit(() -> box[0] += value);
            side.await();
        }
        assertThat(box[0]).isEqualTo(500_500);
        side.submit(() -> {
            throw new IllegalStateException("broken step");
        });
        assertThatThrownBy(side::await).isInstanceOf(IllegalStateException.class).hasMessage("broken step");
        side.submit(() -> box[0] = -1);
        side.await();
        assertThat(box[0]).isEqualTo(-1);
    }
}
