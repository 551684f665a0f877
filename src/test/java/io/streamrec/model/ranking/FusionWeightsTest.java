package io.streamrec.model.ranking;

import static io.streamrec.model.ScoredItem.Source.CONTENT;
import static io.streamrec.model.ScoredItem.Source.COVISITATION;
import static io.streamrec.model.ScoredItem.Source.EMBEDDING;
import static io.streamrec.model.ScoredItem.Source.POPULARITY;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.TestParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionWeightsTest {
    private static final List<ScoredItem.Source> LIST = List.of(EMBEDDING, EMBEDDING, EMBEDDING, COVISITATION);

    private static ModelParams params(boolean adaptive, double contentWeight) {
        return TestParams.with(contentWeight, adaptive, 0.1);
    }

    @Test
    void fixedWeightsNeverMove() {
        FusionWeights fusion = new FusionWeights(params(false, 0.1));
        fusion.observe(LIST, 3);
        assertThat(fusion.current()).containsExactly(0.5, 0.5, 0.05, 0.1);
        assertThat(fusion.credited()).isZero();
    }

    @Test
    void aPickCreditsItsSourceBeyondItsShareOfTheList() {
        FusionWeights fusion = new FusionWeights(params(true, 0.1));
        fusion.observe(LIST, 3);
        assertThat(fusion.weight(COVISITATION)).isGreaterThan(0.5);
        assertThat(fusion.weight(EMBEDDING)).isLessThan(0.5);
        assertThat(fusion.weight(POPULARITY)).as("not in the list: no evidence").isEqualTo(0.05);
        FusionWeights again = new FusionWeights(params(true, 0.1));
        again.observe(LIST, 0);
        assertThat(again.weight(EMBEDDING)).as("filling 3/4 of the list and its top earns only what is left")
                .isGreaterThan(0.5).isLessThan(0.5 * Math.exp(0.1 * 0.1));
        assertThat(again.weight(COVISITATION)).isLessThan(0.5);
    }

    @Test
    void aSourceHoldingThePlacesUsersPickIsNotCreditedForThePlaceAlone() {
        FusionWeights fusion = new FusionWeights(params(true, 0.1));
        // Users always pick the first place; co-visitation holds it, embedding the rest.
        List<ScoredItem.Source> list = List.of(COVISITATION, EMBEDDING, EMBEDDING, EMBEDDING);
        for (int i = 0; i < 200; i++) {
            fusion.observe(list, 0);
        }
        double settled = fusion.weight(COVISITATION);
        for (int i = 0; i < 200; i++) {
            fusion.observe(list, 0);
        }
        assertThat(fusion.weight(COVISITATION)).as("the first place's pick rate is learned: the credit dies out")
                .isLessThan(settled * Math.exp(0.1 * 200 * 0.01));
        FusionWeights flat = new FusionWeights(params(true, 0.1));
        List<ScoredItem.Source> swapped = List.of(EMBEDDING, EMBEDDING, COVISITATION, EMBEDDING);
        for (int i = 0; i < 200; i++) {
            flat.observe(list, 0);
            flat.observe(swapped, 2);
        }
        assertThat(flat.weight(COVISITATION)).as("picked wherever it is placed: credited")
                .isGreaterThan(fusion.weight(COVISITATION));
    }

    @Test
    void anIgnoredListSaysNothing() {
        FusionWeights fusion = new FusionWeights(params(true, 0.1));
        fusion.observe(LIST, -1);
        fusion.observe(List.of(), 0);
        assertThat(fusion.current()).containsExactly(0.5, 0.5, 0.05, 0.1);
    }

    @Test
    void weightsStayWithinTheirBoundsAndAnOffSourceStaysOff() {
        FusionWeights fusion = new FusionWeights(params(true, 0));
        List<ScoredItem.Source> list = List.of(EMBEDDING, COVISITATION, CONTENT);
        List<ScoredItem.Source> swapped = List.of(COVISITATION, EMBEDDING, CONTENT);
        for (int i = 0; i < 10_000; i++) {
            fusion.observe(list, 1);
            fusion.observe(swapped, 0);
        }
        assertThat(fusion.weight(COVISITATION)).isEqualTo(0.5 * FusionWeights.BOUND);
        assertThat(fusion.weight(EMBEDDING)).isEqualTo(0.5 / FusionWeights.BOUND);
        assertThat(fusion.weight(CONTENT)).isZero();
    }

    @Test
    void theSameEventsGiveTheSameWeights() {
        FusionWeights a = new FusionWeights(params(true, 0.1));
        FusionWeights b = new FusionWeights(params(true, 0.1));
        for (int i = 0; i < 100; i++) {
            List<ScoredItem.Source> list = List.of(EMBEDDING, COVISITATION, POPULARITY, CONTENT);
            a.observe(list, i % 4);
            b.observe(list, i % 4);
        }
        assertThat(a.current()).containsExactly(b.current());
    }
}
