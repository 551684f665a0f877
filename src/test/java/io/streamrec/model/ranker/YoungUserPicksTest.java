package io.streamrec.model.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which list users with few events get: personal, unless the popular one held significantly more of their picks. */
class YoungUserPicksTest {
    private static final YoungPick POPULAR_ONLY = new YoungPick(1, false, true);
    private static final YoungPick PERSONAL_ONLY = new YoungPick(1, true, false);

    @Test
    void bandsDoubleTheEventsOfTheOneBefore() {
        assertThat(Arrays.stream(new long[] {1, 2, 3, 4, 7, 8, 9}).mapToInt(YoungUserPicks::band))
                .containsExactly(0, 1, 1, 2, 2, 3, 3);
        assertThatThrownBy(() -> YoungUserPicks.band(0)).hasMessageContaining("at least one event");
    }

    @Test
    void onlyPicksOneListHeldCountAndPopularServesOnceItsLeadExceedsTwoStandardDeviations() {
        YoungUserPicks picks = YoungUserPicks.NONE.plus(new YoungPick(1, true, true), 100)
                .plus(new YoungPick(1, false, false), 100);
        assertThat(picks).as("both or neither say nothing").isEqualTo(YoungUserPicks.NONE);
        for (int p = 0; p < 4; p++) {
            picks = picks.plus(POPULAR_ONLY, 100);
        }
        assertThat(picks.popularServes(1)).as("4 against 0: not above 2 x sqrt(4)").isFalse();
        picks = picks.plus(POPULAR_ONLY, 100);
        assertThat(picks.popularServes(1)).as("5 against 0: above 2 x sqrt(5) = 4.47").isTrue();
        assertThat(picks.popularServes(0)).as("another band").isFalse();
        picks = picks.plus(PERSONAL_ONLY, 100);
        assertThat(picks.popularServes(1)).as("5 against 1: not above 2 x sqrt(6) = 4.90").isFalse();
        assertThat(picks).hasToString("{2-3: 1/5}");
        assertThat(picks.plus(POPULAR_ONLY, 100).plus(POPULAR_ONLY, 100).byBand()).as("7 against 1: above 5.66")
                .containsExactly(Map.entry("2-3", Map.of("personalOnly", 1L, "popularOnly", 7L, "popular", true)));
        assertThat(YoungUserPicks.NONE.plus(POPULAR_ONLY, 100).popularServes(YoungUserPicks.BANDS))
                .as("a band beyond those counted").isFalse();
    }

    @Test
    void aBandsCountsHalveOnceEitherReachesTheMemory() {
        YoungUserPicks picks = YoungUserPicks.NONE;
        for (int p = 0; p < 9; p++) {
            picks = picks.plus(PERSONAL_ONLY, 10);
        }
        picks = picks.plus(POPULAR_ONLY, 10).plus(new YoungPick(0, false, true), 10);
        assertThat(picks.counts()).startsWith(0, 1, 9, 1);
        picks = picks.plus(PERSONAL_ONLY, 10);
        assertThat(picks.counts()).as("band 1 halved, band 0 kept").startsWith(0, 1, 5, 0);
        assertThat(YoungUserPicks.of(picks.counts())).isEqualTo(picks);
        assertThat(YoungUserPicks.of(new long[] {2, 3}).counts()).hasSize(2 * YoungUserPicks.BANDS).startsWith(2, 3, 0);
        assertThatThrownBy(() -> YoungUserPicks.of(new long[] {1, -1})).hasMessageContaining("negative");
        assertThatThrownBy(() -> YoungUserPicks.NONE.plus(POPULAR_ONLY, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void aYoungPickTravelsWithOrWithoutTheRankingExampleItAlsoIs() {
        YoungPick pick = new YoungPick(3, true, false);
        assertThat(YoungPick.decode(pick.encode())).isEqualTo(pick);
        assertThat(YoungPick.decode(YoungPick.NONE)).isNull();
        assertThatThrownBy(() -> new YoungPick(YoungUserPicks.BANDS, true, true)).hasMessageContaining("band");

        RankingExample alone = RankingExample.fromBytes(RankingExample.youngPickOnly(pick).toBytes());
        assertThat(alone.young()).isEqualTo(pick);
        assertThat(alone.isRanking()).isFalse();
        assertThat(alone.isNewUserPick()).isFalse();

        float[] rows = new float[2 * RankerFeatures.COUNT];
        rows[RankerFeatures.COVISITATION] = 1f;
        RankingExample ranked = RankingExample.fromBytes(new RankingExample(rows, 2).withYoungPick(pick).toBytes());
        assertThat(ranked.young()).isEqualTo(pick);
        assertThat(ranked.rows()).containsExactly(rows);

        // Format 2, the release before: the same header without the young pick.
        byte[] now = new RankingExample(rows, 2).toBytes();
        ByteBuffer formatTwo = ByteBuffer.allocate(now.length - 4).putInt(2).put(now, 4, 12)
                .put(now, 20, now.length - 20);
        RankingExample before = RankingExample.fromBytes(formatTwo.array());
        assertThat(before.young()).isNull();
        assertThat(before.rows()).containsExactly(rows);
        assertThatThrownBy(() -> RankingExample.fromBytes(Arrays.copyOf(now, now.length - 4)))
                .hasMessageContaining("needs");
    }
}
