package io.streamrec.model.ranker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a step's weights may be used: once the next step has started, and one publication after their own. */
class RankerTrainingTest {
    private static final long PUBLISH_MS = 1000;

    @Test
    void aStepsWeightsAreDueOnceTheNextStepStartsAndNoSoonerThanThePublishDelay() {
        // A step every 2 examples on batches of 2, 3 negatives each.
        RankerSettings settings = new RankerSettings(true, 4, 0.01, 2, 2, 8, 3);
        try (RankerTraining training = new RankerTraining(RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1), settings,
                PUBLISH_MS, 7)) {
            training.offer(example(), 0);
            training.offer(example(), 0);
            assertThat(training.steps()).isEqualTo(1);
            assertThat(training.due(Long.MAX_VALUE)).as("the newest step trains while the next examples arrive")
                    .isNull();

            training.offer(example(), 10);
            training.offer(example(), 10);
            assertThat(training.steps()).isEqualTo(2);
            assertThat(training.due(PUBLISH_MS - 1)).as("not before its publication").isNull();
            RankerWeights first = training.due(PUBLISH_MS);
            assertThat(first).isNotNull();
            assertThat(first.version()).isEqualTo(1);
            assertThat(training.due(Long.MAX_VALUE)).as("the second step's, until a third starts").isNull();
        }
    }

    @Test
    void whileTheWindowFillsStepsComeAsMuchMoreOftenAsTheirBatchesAreSmaller() {
        // Batches of 64 every 16 examples once the window holds 1,024; no fewer than 32 in a batch.
        RankerSettings settings = new RankerSettings(true, 4, 0.01, 16, 64, 1024, 3);
        try (RankerTraining training = new RankerTraining(RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1), settings,
                PUBLISH_MS, 7)) {
            offer(training, RankerTraining.MIN_BATCH - 1);
            assertThat(training.steps()).as("fewer examples than the smallest batch").isZero();
            offer(training, 1);
            assertThat(training.steps()).isEqualTo(1);
            offer(training, 8);
            assertThat(training.steps()).as("a batch of 32 is half of 64: a step every 8 examples").isEqualTo(2);
            offer(training, 1024 - 40);
            long filled = training.steps();
            assertThat(filled).as("more steps than full batches would have taken").isGreaterThan((1024 - 64) / 16);
            offer(training, 64);
            assertThat(training.steps() - filled).as("full window: every 16").isEqualTo(4);
        }
    }

    @Test
    void aTrainerResumingFromStoredWeightsWaitsForAFullBatch() {
        RankerSettings settings = new RankerSettings(true, 4, 0.01, 16, 64, 1024, 3);
        RankerWeights stored = new RankerTrainer(RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1), 4, 0.01)
                .step(List.of(example()));
        try (RankerTraining training = new RankerTraining(stored, settings, PUBLISH_MS, 7)) {
            offer(training, 63);
            assertThat(training.steps()).isZero();
            offer(training, 1);
            assertThat(training.steps()).isEqualTo(1);
        }
    }

    @Test
    void newUsersPicksAreCountedNotTrainedOnAndGoOutWithTheNextStepsWeights() {
        RankerSettings settings = new RankerSettings(true, 4, 0.01, 2, 2, 8, 3);
        RankerWeights restored = RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1)
                .withPicks(NewUserPicks.NONE.plus(PopularityOrder.TRENDING.bit(), 4096), YoungUserPicks.NONE);
        try (RankerTraining training = new RankerTraining(restored, settings, PUBLISH_MS, 7)) {
            training.offer(RankingExample.newUserPick(PopularityOrder.ALL_TIME.bit()), 0);
            training.offer(RankingExample.newUserPick(
                    PopularityOrder.ALL_TIME.bit() | PopularityOrder.BOTH.bit()), 0);
            assertThat(training.steps()).as("a new user's pick is no ranking example").isZero();
            offer(training, 4);
            RankerWeights first = training.due(Long.MAX_VALUE);
            assertThat(first.newUsers().hits()).as("the restored count and both picks").containsExactly(1, 2, 1);
            assertThat(first.newUsers().best()).isEqualTo(PopularityOrder.ALL_TIME);
        }
    }

    @Test
    void youngUsersPicksAreCountedAndTrainedOnWhenTheyAreRankingExamplesToo() {
        RankerSettings settings = new RankerSettings(true, 4, 0.01, 2, 2, 8, 3);
        try (RankerTraining training = new RankerTraining(RankerWeights.blend(0.5, 0.5, 0.05, 0.3, 4, 1), settings,
                PUBLISH_MS, 7)) {
            YoungPick popularOnly = new YoungPick(0, false, true);
            training.offer(RankingExample.youngPickOnly(popularOnly), 0);
            assertThat(training.steps()).as("no candidate, nothing to train on").isZero();
            training.offer(example().withYoungPick(popularOnly), 0);
            training.offer(example().withYoungPick(new YoungPick(2, true, false)), 0);
            offer(training, 2);
            assertThat(training.steps()).as("the two young ranking examples count toward steps").isEqualTo(2);
            offer(training, 2);
            RankerWeights first = training.due(Long.MAX_VALUE);
            assertThat(first.youngUsers()).isEqualTo(YoungUserPicks.NONE.plus(popularOnly, 8).plus(popularOnly, 8)
                    .plus(new YoungPick(2, true, false), 8));
        }
    }

    private static void offer(RankerTraining training, int examples) {
        for (int i = 0; i < examples; i++) {
            training.offer(example(), 0);
        }
    }

    private static RankingExample example() {
        float[] rows = new float[4 * RankerFeatures.COUNT];
        rows[RankerFeatures.COVISITATION] = 1f;
        return new RankingExample(rows, 4);
    }
}
