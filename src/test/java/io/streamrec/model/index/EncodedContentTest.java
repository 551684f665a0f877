package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.model.content.ContentAutoencoder;
import io.streamrec.model.content.ContentEncoder;
import io.streamrec.model.content.ContentEncoderSettings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content vectors whose similarity comes from a trained encoder's codes. */
class EncodedContentTest {
    private static final ContentEncoderSettings SMALL = new ContentEncoderSettings(
            ContentEncoderSettings.Encoder.AUTOENCODER, 10, 8, 16, 60, 10, 5, 0.02);
    private static final List<String> SPACE = List.of("star", "galaxy", "rocket", "orbit", "planet", "alien");
    private static final List<String> FARM = List.of("horse", "barn", "harvest", "tractor", "meadow", "cattle");

    private final ContentVectors content = new ContentVectors();

    /** Even slots: space films (Sci-Fi), odd slots: farm films (Western), each titled with two words of its world. */
    private void twoWorldsEncoded() {
        content.encodeWith(twoWorlds(), 1);
    }

    /** Puts the two worlds' films and returns an encoder trained on them. */
    private ContentEncoder twoWorlds() {
        for (int s = 0; s < 40; s++) {
            List<String> words = s % 2 == 0 ? SPACE : FARM;
            content.put(s, words.get(s / 2 % 6) + " " + words.get((s / 2 + 1 + s / 12) % 6),
                    List.of(s % 2 == 0 ? "Sci-Fi" : "Western"), List.of());
        }
        return new ContentAutoencoder(SMALL, 5).fit(content.rows(), SMALL.epochs());
    }

    @Test
    void withHalfTheShareEverySimilarityIsTheMeanOfTheTfidfAndTheCodeOnes() {
        ContentEncoder encoder = twoWorlds();
        int[] profile = {0, 3};
        double[] weights = {1.0, 0.5};
        int[] candidates = {2, 4, 5};
        float tfidf = content.cosine(0, 2);
        float[] tfidfScores = new float[3];
        content.scoreAgainst(profile, weights, candidates, 3, tfidfScores);
        content.encodeWith(encoder, 1);
        float code = content.cosine(0, 2);
        float[] codeScores = new float[3];
        content.scoreAgainst(profile, weights, candidates, 3, codeScores);
        content.encodeWith(encoder, 0.5);

        assertThat(content.cosine(0, 2)).isCloseTo((tfidf + code) / 2, within(1e-5f));
        assertThat(content.similarities(0, 40)[2]).isCloseTo((tfidf + code) / 2, within(1e-5f));
        float[] mixed = new float[3];
        content.scoreAgainst(profile, weights, candidates, 3, mixed);
        for (int k = 0; k < 3; k++) {
            assertThat(mixed[k]).isCloseTo((tfidfScores[k] + codeScores[k]) / 2, within(1e-5f));
        }
        assertThat(content.neighbours(0, 3)).hasSize(3).doesNotContain(0);
    }

    @Test
    void withAnEncoderItemsOfOneWorldAreAlikeAndItemsOfTheOtherAreNot() {
        twoWorldsEncoded();
        assertThat(content.cosine(0, 0)).isCloseTo(1f, within(1e-4f));
        assertThat(content.cosine(0, 2)).isGreaterThan(0.3f);
        assertThat(content.cosine(0, 1)).as("clipped at 0 like a TF-IDF cosine").isZero();
        int[] neighbours = content.neighbours(0, 5);
        assertThat(neighbours).hasSize(5).doesNotContain(0);
        assertThat(Arrays.stream(neighbours)).allMatch(s -> s % 2 == 0);
        float[] similarities = content.similarities(3, 40);
        assertThat(similarities[5]).isCloseTo(content.cosine(3, 5), within(1e-6f));
        assertThat(similarities[4]).isZero();
    }

    @Test
    void aProfileIsScoredAgainstCodesAndANewItemFindsItsWorld() {
        twoWorldsEncoded();
        float[] out = new float[3];
        content.scoreAgainst(new int[] {0, 2}, new double[] {1.0, 0.5}, new int[] {4, 1, 7}, 3, out);
        assertThat(out[0]).isGreaterThan(0.3f);
        assertThat(out[1]).isZero();
        assertThat(out[2]).isZero();

        ContentVectors.Nearest nearest = content.nearest("rocket galaxy", List.of("Sci-Fi"), List.of(), 4, s -> true);
        assertThat(nearest.slots()).hasSize(4);
        assertThat(Arrays.stream(nearest.slots())).allMatch(s -> s % 2 == 0);
        assertThat(nearest.similarity()[0]).isGreaterThanOrEqualTo(nearest.similarity()[3]).isGreaterThan(0f);
    }

    @Test
    void anItemAddedAfterTrainingIsEncodedAtOnceAndARemovedOneHasNoCode() {
        twoWorldsEncoded();
        long before = content.changes();
        content.put(40, "meadow horse", List.of("Western"), List.of());
        assertThat(content.changes()).isEqualTo(before + 1);
        assertThat(content.cosine(40, 1)).isGreaterThan(0.3f);
        assertThat(content.cosine(40, 0)).isZero();
        content.remove(40);
        assertThat(content.cosine(40, 1)).isZero();
        assertThat(content.rows()).hasSize(40);
    }
}
