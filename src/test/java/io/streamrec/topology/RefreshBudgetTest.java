package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefreshBudgetTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RefreshBudget budget = new RefreshBudget(0.25, () -> true, clock::get);

    @Test
    void refreshesTakeTheirShareOfTheTimeThatPassesAndNoMore() {
        assertThat(budget.affords()).as("no time has passed yet").isFalse();
        clock.addAndGet(40_000_000L);
        assertThat(budget.affords()).as("a quarter of 40 ms: 10 ms to spend").isTrue();
        long started = budget.now();
        clock.addAndGet(30_000_000L);
        budget.spentSince(started);
        assertThat(budget.affords()).as("30 ms spent of 10 + 7.5").isFalse();
        clock.addAndGet(40_000_000L);
        assertThat(budget.affords()).as("-12.5 + 10: still owed").isFalse();
        clock.addAndGet(20_000_000L);
        assertThat(budget.affords()).as("-2.5 + 5").isTrue();
    }

    @Test
    void aQuietSpellBuysNoMoreThanASecondsShare() {
        clock.addAndGet(60_000_000_000L);
        assertThat(budget.affords()).isTrue();
        long started = budget.now();
        clock.addAndGet(300_000_000L);
        budget.spentSince(started);
        assertThat(budget.affords()).as("250 ms of credit at most, plus 75 ms accrued, less 300 ms spent").isTrue();
        started = budget.now();
        clock.addAndGet(100_000_000L);
        budget.spentSince(started);
        assertThat(budget.affords()).isFalse();
    }

    @Test
    void workRunsFreelyWhileTheInputKeepsUpAndOnlyWithinTheShareWhileBehind() {
        boolean[] behind = {false};
        RefreshBudget work = new RefreshBudget(0.25, () -> behind[0], clock::get);
        Runnable tenMs = () -> clock.addAndGet(10_000_000L);
        assertThat(work.run(tenMs)).as("keeping up: no credit needed").isTrue();
        assertThat(work.run(tenMs)).isTrue();
        behind[0] = true;
        assertThat(work.run(tenMs)).as("behind: a quarter of the 20 ms that passed is 5 ms of credit").isTrue();
        assertThat(work.run(tenMs)).as("5 - 10 ms: spent").isFalse();
    }

    @Test
    void workOfferedPerEventIsThinnedToTheShareWhileBehind() {
        boolean[] behind = {false};
        RefreshBudget work = new RefreshBudget(0.25, () -> behind[0], clock::get);
        clock.addAndGet(10_000_000_000L);
        int[] ran = {0};
        for (int i = 0; i < 20; i++) {
            work.runSampled(() -> ran[0]++);
        }
        assertThat(ran[0]).as("keeping up: every offer").isEqualTo(20);
        behind[0] = true;
        ran[0] = 0;
        for (int i = 0; i < 20; i++) {
            work.runSampled(() -> ran[0]++);
        }
        assertThat(ran[0]).as("behind, with credit to spare: one offer in four").isEqualTo(5);
    }

    @Test
    void theTasksOfOneThreadShareItsBudgetAndEveryThreadHasItsOwn() throws Exception {
        Supplier<RefreshBudget> budgets = RefreshBudget.perThread(0.1, () -> true);
        RefreshBudget mine = budgets.get();
        AtomicReference<RefreshBudget> another = new AtomicReference<>();
        Thread other = new Thread(() -> another.set(budgets.get()));
        other.start();
        other.join();

        assertThat(budgets.get()).as("a second task on this thread").isSameAs(mine);
        assertThat(another.get()).isNotNull().isNotSameAs(mine);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RefreshBudget(0, () -> true, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshBudget(1.5, () -> true, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
