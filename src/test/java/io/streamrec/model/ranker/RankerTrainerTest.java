package io.streamrec.model.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankerTrainerTest {
    private static final int CANDIDATES = 8;

    @Test
    void theFirstVersionRanksExactlyAsTheFixedBlend() {
        RankerWeights blend = RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 16, 1);
        float[] row = new float[RankerFeatures.COUNT];
        row[RankerFeatures.EMBEDDING] = 0.2f;
        row[RankerFeatures.COVISITATION] = 0.4f;
        row[RankerFeatures.POPULARITY] = 1f;
        row[RankerFeatures.CONTENT] = 0.5f;
        row[RankerFeatures.LOG_USERS] = 0.9f;
        assertThat(blend.version()).isZero();
        assertThat(blend.score(row, 0)).isCloseTo(0.5 * 0.2 + 0.5 * 0.4 + 0.05 + 0.3 * 0.5,
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void stepsOnPicksTheBlendIgnoresTeachItToRankThoseFirst() {
        // Users pick the candidate with the most interaction evidence, a feature the blend gives no weight.
        Random random = new Random(3);
        RankerWeights start = RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 8, 1);
        assertThat(pickRankedFirst(start, examples(random, 500))).isLessThan(0.4);
        RankerTrainer trainer = new RankerTrainer(start, CANDIDATES, 0.05);
        RankerWeights trained = start;
        for (int step = 0; step < 150; step++) {
            trained = trainer.step(examples(random, 64));
        }
        assertThat(trained.version()).isEqualTo(150);
        assertThat(pickRankedFirst(trained, examples(random, 500))).isGreaterThan(0.9);
    }

    @Test
    void aStepThatWouldMakeTheWeightsNonFiniteLeavesThemAsTheyWere() {
        RankerTrainer trainer = new RankerTrainer(RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1), CANDIDATES, 0.01);
        RankerWeights good = trainer.step(examples(new Random(1), 16));
        List<RankingExample> poisoned = examples(new Random(2), 16);
        poisoned.get(0).rows()[RankerFeatures.EMBEDDING] = Float.NaN;
        RankerWeights after = trainer.step(poisoned);
        assertThat(after.isFinite()).isTrue();
        assertThat(after.version()).isEqualTo(good.version());
        assertThat(trainer.step(examples(new Random(3), 16)).version()).as("training goes on").isEqualTo(2);
    }

    @Test
    void weightsSurviveTheirBytesAndABadValueIsRefused() {
        RankerWeights weights = new RankerTrainer(RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1), CANDIDATES, 0.01)
                .step(examples(new Random(1), 16));
        RankerWeights back = RankerWeights.fromBytes(weights.toBytes());
        float[] row = examples(new Random(2), 1).get(0).rows();
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.score(row, 0)).isEqualTo(weights.score(row, 0));
        byte[] truncated = java.util.Arrays.copyOf(weights.toBytes(), 30);
        assertThatThrownBy(() -> RankerWeights.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need");
        byte[] other = weights.toBytes();
        other[3] = 9;
        assertThatThrownBy(() -> RankerWeights.fromBytes(other)).hasMessageContaining("format 9");
        int features = RankerFeatures.COUNT + 1;
        byte[] otherFeatures = new RankerWeights(3, features, 2, new float[features], new float[features * 2],
                new float[2], new float[2]).toBytes();
        assertThatThrownBy(() -> RankerWeights.fromBytes(otherFeatures)).as("another build's features")
                .hasMessageContaining("over " + features + " features");
    }

    @Test
    void newUsersPicksSurviveTheBytesAndTheFormatBeforeThemReadsAsNoneCounted() {
        RankerWeights weights = RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1)
                .withPicks(NewUserPicks.of(new long[] {4, 7, 5}), YoungUserPicks.NONE);
        byte[] bytes = weights.toBytes();
        assertThat(RankerWeights.fromBytes(bytes).newUsers()).isEqualTo(weights.newUsers());
        // Format 1: format, version, features, hidden, then the parameters; no count of picks or the picks.
        int counts = 4 + 8 * (PopularityOrder.values().length + 2 * YoungUserPicks.BANDS);
        java.nio.ByteBuffer formatOne = java.nio.ByteBuffer.allocate(bytes.length - counts);
        formatOne.putInt(1).put(bytes, 4, 16).put(bytes, 20 + counts, bytes.length - 20 - counts);
        RankerWeights old = RankerWeights.fromBytes(formatOne.array());
        assertThat(old.newUsers()).isEqualTo(NewUserPicks.NONE);
        float[] row = examples(new Random(2), 1).get(0).rows();
        assertThat(old.score(row, 0)).isEqualTo(weights.score(row, 0));
    }

    @Test
    void youngUsersPicksFollowTheNewUsersInTheBytesWhereTheReleaseBeforeReadsOnlyThose() {
        YoungUserPicks young = YoungUserPicks.NONE.plus(new YoungPick(1, false, true), 4096)
                .plus(new YoungPick(3, true, false), 4096);
        RankerWeights weights = RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1)
                .withPicks(NewUserPicks.of(new long[] {4, 7, 5}), young);
        byte[] bytes = weights.toBytes();
        RankerWeights back = RankerWeights.fromBytes(bytes);
        assertThat(back.youngUsers()).isEqualTo(young);
        assertThat(back.newUsers()).isEqualTo(weights.newUsers());
        // The release before reads a count of longs after the header and takes the first three as new users' picks.
        java.nio.ByteBuffer read = java.nio.ByteBuffer.wrap(bytes, 20, bytes.length - 20);
        assertThat(read.getInt()).isEqualTo(PopularityOrder.values().length + 2 * YoungUserPicks.BANDS);
        assertThat(new long[] {read.getLong(), read.getLong(), read.getLong()}).containsExactly(4, 7, 5);

        RankerWeights releaseBefore = RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1)
                .withPicks(NewUserPicks.of(new long[] {4, 7, 5}), YoungUserPicks.NONE);
        byte[] withoutYoung = releaseBefore.toBytes();
        int youngBytes = 8 * 2 * YoungUserPicks.BANDS;
        java.nio.ByteBuffer before = java.nio.ByteBuffer.allocate(withoutYoung.length - youngBytes);
        before.put(withoutYoung, 0, 20).putInt(PopularityOrder.values().length)
                .put(withoutYoung, 24, 8 * PopularityOrder.values().length)
                .put(withoutYoung, 24 + 8 * PopularityOrder.values().length + youngBytes,
                        withoutYoung.length - 24 - 8 * PopularityOrder.values().length - youngBytes);
        RankerWeights old = RankerWeights.fromBytes(before.array());
        assertThat(old.youngUsers()).isEqualTo(YoungUserPicks.NONE);
        assertThat(old.newUsers()).isEqualTo(releaseBefore.newUsers());
    }

    /** Candidates with random signals; the pick (first) is the one with the most users. */
    private static List<RankingExample> examples(Random random, int n) {
        List<RankingExample> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            float[] rows = new float[CANDIDATES * RankerFeatures.COUNT];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextFloat();
            }
            int best = 0;
            for (int k = 1; k < CANDIDATES; k++) {
                if (rows[k * RankerFeatures.COUNT + RankerFeatures.LOG_USERS]
                        > rows[best * RankerFeatures.COUNT + RankerFeatures.LOG_USERS]) {
                    best = k;
                }
            }
            for (int f = 0; f < RankerFeatures.COUNT; f++) {
                float t = rows[f];
                rows[f] = rows[best * RankerFeatures.COUNT + f];
                rows[best * RankerFeatures.COUNT + f] = t;
            }
            out.add(new RankingExample(rows, CANDIDATES));
        }
        return out;
    }

    private static double pickRankedFirst(RankerWeights weights, List<RankingExample> examples) {
        int first = 0;
        for (RankingExample example : examples) {
            double pick = weights.score(example.rows(), 0);
            boolean top = true;
            for (int k = 1; k < example.candidates(); k++) {
                top &= weights.score(example.rows(), k * RankerFeatures.COUNT) < pick;
            }
            first += top ? 1 : 0;
        }
        return (double) first / examples.size();
    }
}
