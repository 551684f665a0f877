package io.streamrec.model.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which order new users' lists take: the one that held the most of their first picks, trending on a tie. */
class NewUserPicksTest {
    private static final long MEMORY = 1_000;

    @Test
    void trendingServesUntilAnotherOrderHeldMorePicks() {
        assertThat(NewUserPicks.NONE.best()).isEqualTo(PopularityOrder.TRENDING);
        NewUserPicks tied = NewUserPicks.NONE.plus(PopularityOrder.TRENDING.bit() | PopularityOrder.ALL_TIME.bit(), MEMORY);
        assertThat(tied.best()).as("a tie keeps trending").isEqualTo(PopularityOrder.TRENDING);
        NewUserPicks ahead = tied.plus(PopularityOrder.BOTH.bit() | PopularityOrder.ALL_TIME.bit(), MEMORY);
        assertThat(ahead.hits()).containsExactly(1, 2, 1);
        assertThat(ahead.best()).isEqualTo(PopularityOrder.ALL_TIME);
        assertThat(ahead).isEqualTo(NewUserPicks.of(new long[] {1, 2, 1})).hasToString(
                "{trending=1, all_time=2, both=1}");
        assertThat(tied.hits()).as("counting on leaves the counts it started from").containsExactly(1, 1, 0);
        assertThat(ahead.byOrder()).containsExactly(java.util.Map.entry("trending", 1L),
                java.util.Map.entry("all_time", 2L), java.util.Map.entry("both", 1L));
    }

    @Test
    void countsHalveOnceTheLeaderReachesTheMemorySoALaterChangeOfTasteTakesOver() {
        NewUserPicks picks = NewUserPicks.NONE;
        for (int i = 0; i < 99; i++) {
            picks = picks.plus(PopularityOrder.TRENDING.bit() | PopularityOrder.BOTH.bit(), 100);
        }
        assertThat(picks.hits()).containsExactly(99, 0, 99);
        picks = picks.plus(PopularityOrder.TRENDING.bit() | PopularityOrder.ALL_TIME.bit(), 100);
        assertThat(picks.hits()).as("the leader reached 100: all halved").containsExactly(50, 0, 49);
        int picksUntilAllTimeLeads = 0;
        while (picks.best() != PopularityOrder.ALL_TIME) {
            picks = picks.plus(PopularityOrder.ALL_TIME.bit(), 100);
            picksUntilAllTimeLeads++;
        }
        assertThat(picksUntilAllTimeLeads).as("half the memory, not the 99 old picks it counted").isEqualTo(51);
        assertThat(picks.hits()).containsExactly(50, 51, 49);
        assertThatThrownBy(() -> NewUserPicks.NONE.plus(PopularityOrder.TRENDING.bit(), 0))
                .hasMessageContaining("at least 1");
    }

    @Test
    void countsReadBackPadMissingOrdersAndRefuseNegativeOnes() {
        assertThat(NewUserPicks.of(new long[] {3}).hits()).containsExactly(3, 0, 0);
        assertThatThrownBy(() -> NewUserPicks.of(new long[] {1, -1})).hasMessageContaining("negative");
    }

    @Test
    void aNewUsersPickTravelsAsAnExampleWithoutFeatures() {
        RankingExample pick = RankingExample.newUserPick(PopularityOrder.BOTH.bit());
        RankingExample back = RankingExample.fromBytes(pick.toBytes());
        assertThat(back.isNewUserPick()).isTrue();
        assertThat(back.newUserOrders()).isEqualTo(PopularityOrder.BOTH.bit());
        assertThatThrownBy(() -> RankingExample.newUserPick(0)).as("a pick no order held teaches nothing")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingExample(new float[2 * RankerFeatures.COUNT], 2, 1, YoungPick.NONE))
                .as("a ranking example is no new user's pick").isInstanceOf(IllegalArgumentException.class);
    }
}
