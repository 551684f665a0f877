package io.streamrec.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceTrainerTest {
    private static final int ITEMS = 200;
    private static final SequenceSettings SMALL = new SequenceSettings(16, 16, 5, 64, 64, 16, 2_000, 0.01, 64, 11);

    /** Users walk the catalogue in order: item k is always followed by item k + 1 (mod ITEMS). */
    private static void feedWalks(SequenceTrainer trainer, int steps, long seed) {
        Random random = new Random(seed);
        while (trainer.steps() < steps) {
            int start = random.nextInt(ITEMS);
            List<String> recent = new ArrayList<>();
            for (int k = start; k < start + 8; k++) {
                trainer.add(recent, "i" + ((k + 1) % ITEMS));
                recent.add("i" + (k + 1) % ITEMS);
            }
        }
    }

    private static double hitRate(SequenceSnapshot model, int cutoff) {
        SequenceScorer scorer = new SequenceScorer(model);
        int hits = 0;
        for (int k = 0; k < ITEMS; k++) {
            List<String> recent = List.of("i" + (k + ITEMS - 2) % ITEMS, "i" + (k + ITEMS - 1) % ITEMS, "i" + k);
            List<NextItem> next = scorer.next(recent, cutoff, Set.of());
            String expected = "i" + (k + 1) % ITEMS;
            if (next.stream().anyMatch(n -> n.item().equals(expected))) {
                hits++;
            }
        }
        return hits / (double) ITEMS;
    }

    @Test
    void trainingOnADeterministicNextItemRuleFindsTheNextItemWhileTheTablesGrow() {
        SequenceTrainer trainer = new SequenceTrainer(SMALL);
        feedWalks(trainer, 1, 1);
        double before = hitRate(trainer.snapshot(), 10);
        feedWalks(trainer, 150, 1);
        assertThat(SMALL.initialCapacity()).isLessThan(ITEMS);
        assertThat(trainer.snapshot().rowCount()).isEqualTo(ITEMS + 1);
        assertThat(before).isLessThan(0.2);
        assertThat(hitRate(trainer.snapshot(), 10)).isGreaterThan(0.9);
    }

    @Test
    void theSameSeedAndExamplesGiveTheSameSnapshotToTheBit() {
        SequenceSettings settings = new SequenceSettings(8, 8, 4, 16, 16, 8, 500, 0.01, 32, 5);
        SequenceTrainer first = new SequenceTrainer(settings);
        SequenceTrainer second = new SequenceTrainer(settings);
        feedWalks(first, 6, 2);
        feedWalks(second, 6, 2);
        assertThat(SnapshotCodec.encode(second.snapshot())).isEqualTo(SnapshotCodec.encode(first.snapshot()));
        SequenceTrainer otherSeed = new SequenceTrainer(settings.withSeed(6));
        feedWalks(otherSeed, 6, 2);
        assertThat(SnapshotCodec.encode(otherSeed.snapshot())).isNotEqualTo(SnapshotCodec.encode(first.snapshot()));
    }

    @Test
    void growingTheTablesKeepsEveryItemsRowsAndItsRowNumber() {
        SequenceTrainer trainer = new SequenceTrainer(new SequenceSettings(4, 4, 3, 8, 8, 4, 100, 0.01, 4, 9));
        for (int i = 0; i < 12 && trainer.steps() == 0; i++) {
            trainer.add(List.of("a", "b"), "c");
        }
        assertThat(trainer.capacity()).isEqualTo(4);
        SequenceSnapshot before = trainer.parameters();
        trainer.reserve(9);
        SequenceSnapshot after = trainer.parameters();
        assertThat(trainer.capacity()).isEqualTo(9);
        assertThat(after.items()).containsExactly(before.items());
        for (String item : before.items()) {
            assertThat(after.rowOf(item)).isEqualTo(before.rowOf(item));
        }
        assertThat(after.embedding()).containsExactly(before.embedding());
        assertThat(after.outputEmbedding()).containsExactly(before.outputEmbedding());
        assertThat(after.outputBias()).containsExactly(before.outputBias());
        assertThat(after.inputWeights()).containsExactly(before.inputWeights());
    }
}
