package io.streamrec.model.ranker;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static RankingExample example() {
        float[] rows = new float[4 * RankerFeatures.COUNT];
        rows[RankerFeatures.COVISITATION] = 1f;
        return new RankingExample(rows, 4);
    }
}
