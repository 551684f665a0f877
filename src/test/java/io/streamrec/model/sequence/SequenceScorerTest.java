package io.streamrec.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceScorerTest {

    /** A snapshot after a few steps on random sequences, so no weight is still at its initial value. */
    static SequenceSnapshot trainedOnNoise(int items, int steps) {
        SequenceSettings settings = new SequenceSettings(8, 6, 5, 16, 32, 32, 1_000, 0.01, 16, 7);
        SequenceTrainer trainer = new SequenceTrainer(settings);
        Random random = new Random(3);
        while (trainer.steps() < steps) {
            List<String> recent = new ArrayList<>();
            for (int i = random.nextInt(7); i > 0; i--) {
                recent.add("i" + random.nextInt(items));
            }
            trainer.add(recent, "i" + random.nextInt(items));
        }
        return trainer.snapshot();
    }

    @Test
    void plainJavaInferenceEqualsTheSameDiffGraphOnTheSameWeights() {
        SequenceSnapshot model = trainedOnNoise(40, 5);
        SequenceScorer scorer = new SequenceScorer(model);
        Nd4jSequenceScorer reference = new Nd4jSequenceScorer(model);
        int[][] sequences = {{}, {3}, {5, 9, 2}, {1, 2, 3, 4, 5, 6, 7, 8}, {-1, 4, -1, 7}};
        float[] hidden = new float[model.hiddenDims()];
        float[] scores = new float[model.rowCount()];
        for (int[] rows : sequences) {
            Nd4jSequenceScorer.Result expected = reference.score(rows);
            scorer.hidden(rows, rows.length, hidden);
            scorer.scores(hidden, scores);
            for (int j = 0; j < hidden.length; j++) {
                assertThat(hidden[j]).as("hidden %d", j).isCloseTo(expected.hidden()[j], within(1e-4f));
            }
            for (int row = 1; row < model.rowCount(); row++) {
                assertThat(scores[row]).as("row %d", row).isCloseTo(expected.scores()[row], within(1e-4f));
            }
        }
    }

    @Test
    void theTopItemsAreTheBestScoredBestFirstWithoutTheExcludedOnes() {
        SequenceSnapshot model = trainedOnNoise(30, 3);
        SequenceScorer scorer = new SequenceScorer(model);
        List<NextItem> next = scorer.next(List.of("i1", "i2"), 5, Set.of("i3"));
        float[] hidden = new float[model.hiddenDims()];
        scorer.hidden(new int[] {model.rowOf("i1"), model.rowOf("i2")}, 2, hidden);
        List<NextItem> all = new ArrayList<>();
        for (int row = 1; row < model.rowCount(); row++) {
            if (!model.item(row).equals("i3")) {
                all.add(new NextItem(model.item(row), scorer.score(hidden, row)));
            }
        }
        all.sort((a, b) -> Float.compare(b.score(), a.score()));
        assertThat(next).containsExactlyElementsOf(all.subList(0, 5));
    }
}
