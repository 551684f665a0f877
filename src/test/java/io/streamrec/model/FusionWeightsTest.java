package io.streamrec.model;

import static io.streamrec.model.ScoredItem.Source.CONTENT;
import static io.streamrec.model.ScoredItem.Source.COVISITATION;
import static io.streamrec.model.ScoredItem.Source.EMBEDDING;
import static io.streamrec.model.ScoredItem.Source.POPULARITY;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(again.weight(EMBEDDING)).as("filling 3/4 of the list earns only the remaining 1/4")
                .isLessThan(0.5 * Math.exp(0.1 * 0.3));
        assertThat(again.weight(COVISITATION)).isLessThan(0.5);
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
        for (int i = 0; i < 10_000; i++) {
            fusion.observe(list, 1);
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
