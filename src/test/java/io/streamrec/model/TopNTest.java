package io.streamrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopNTest {
    @Test
    void keepsTheBestInDescendingOrder() {
        TopN top = new TopN(3);
        double[] scores = {0.1, 0.9, 0.5, 0.7, 0.3, 0.8};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        assertThat(top.slotsBestFirst()).containsExactly(1, 5, 3);
    }

    @Test
    void matchesAFullSortOnRandomInput() {
        Random random = new Random(7);
        double[] scores = random.doubles(1000).toArray();
        TopN top = new TopN(25);
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        int[] expected = IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a])).limit(25).mapToInt(i -> i).toArray();
        assertThat(top.slotsBestFirst()).containsExactly(expected);
    }

    @Test
    void fewerCandidatesThanNReturnsThemAll() {
        TopN top = new TopN(10);
        top.offer(4, 1.0);
        assertThat(top.slotsBestFirst()).containsExactly(4);
        assertThatThrownBy(() -> new TopN(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
