package io.streamrec.model.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.model.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentAutoencoderTest {
    /** Small enough to train in a second: 2^8 inputs, an 8-unit code. */
    static final ContentEncoderSettings SMALL = new ContentEncoderSettings(ContentEncoderSettings.Encoder.AUTOENCODER,
            8, 8, 16, 40, 10, 5, 0.02);

    /** 40 items, each 4 of the 12 features of its group: group 0 holds features 0..11, group 1 features 100..111. */
    static List<ContentRow> twoGroups(long seed) {
        Random random = new Random(seed);
        List<ContentRow> rows = new ArrayList<>();
        for (int item = 0; item < 40; item++) {
            int base = item % 2 == 0 ? 0 : 100;
            int[] features = random.ints(0, 12).distinct().limit(4).map(f -> base + f).sorted().toArray();
            float[] weights = new float[4];
            Arrays.fill(weights, 0.5f);
            rows.add(new ContentRow(features, weights));
        }
        return rows;
    }

    @Test
    void itemsOfTwoGroupsWithDisjointFeaturesGetCodesAlikeWithinAGroupAndUnlikeAcrossIt() {
        List<ContentRow> rows = twoGroups(3);
        ContentEncoder encoder = new ContentAutoencoder(SMALL, 7).fit(rows, SMALL.epochs());

        double within = 0;
        double across = 0;
        int withinPairs = 0;
        int acrossPairs = 0;
        for (int a = 0; a < rows.size(); a++) {
            for (int b = a + 1; b < rows.size(); b++) {
                float cosine = VectorMath.dot(code(encoder, rows.get(a)), code(encoder, rows.get(b)));
                if (a % 2 == b % 2) {
                    within += cosine;
                    withinPairs++;
                } else {
                    across += cosine;
                    acrossPairs++;
                }
            }
        }
        assertThat(within / withinPairs).isGreaterThan(0.5).isGreaterThan(across / acrossPairs + 0.8);
    }

    @Test
    void anItemsCodeIsFiniteAndOfUnitLengthAndAnItemWithoutFeaturesHasNone() {
        ContentEncoder encoder = new ContentAutoencoder(SMALL, 7).fit(twoGroups(3), 3);
        for (ContentRow row : twoGroups(9)) {
            float[] code = encoder.encode(row.features(), row.weights());
            assertThat(code).hasSize(SMALL.codeSize());
            assertThat(VectorMath.allFinite(code)).isTrue();
            assertThat(VectorMath.norm(code)).isCloseTo(1f, within(1e-4f));
        }
        assertThat(encoder.encode(new int[0], new float[0])).isNull();
    }

    @Test
    void theSameCatalogueAndSeedGiveTheSameCodes() {
        ContentRow probe = twoGroups(5).get(0);
        float[] first = code(new ContentAutoencoder(SMALL, 11).fit(twoGroups(3), 4), probe);
        float[] second = code(new ContentAutoencoder(SMALL, 11).fit(twoGroups(3), 4), probe);
        assertThat(second).containsExactly(first);
    }

    @Test
    void featuresFoldingIntoOneInputAddUpAndTheInputHasUnitLength() {
        // 3 and 3 + 2^8 fold into input 3 under 8 input bits.
        ContentEncoder.Folded folded = ContentEncoder.fold(8, new int[] {3, 5, 3 + 256}, new float[] {0.6f, 0.8f, 0.6f});
        assertThat(folded.inputs()).containsExactly(3, 5);
        assertThat(folded.values()[0] / folded.values()[1]).isCloseTo(1.5f, within(1e-5f));
        assertThat(VectorMath.norm(folded.values())).isCloseTo(1f, within(1e-5f));
    }

    @Test
    void aNonsenseEncoderNameIsRefusedWithTheNamesItTakes() {
        assertThat(ContentEncoderSettings.Encoder.parse(" AutoEncoder")).isEqualTo(ContentEncoderSettings.Encoder.AUTOENCODER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContentEncoderSettings.Encoder.parse("deep"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tfidf, autoencoder or both")
                .hasMessageContaining("'deep'");
    }

    private static float[] code(ContentEncoder encoder, ContentRow row) {
        return encoder.encode(row.features(), row.weights());
    }
}
