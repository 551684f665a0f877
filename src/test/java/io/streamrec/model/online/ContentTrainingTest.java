package io.streamrec.model.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.content.ContentEncoderSettings;
import io.streamrec.model.index.ContentVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTrainingTest {
    /** Retrains every 10 catalogue changes. */
    private static final ContentEncoderSettings EVERY_TEN = new ContentEncoderSettings(
            ContentEncoderSettings.Encoder.AUTOENCODER, 8, 4, 8, 2, 10, 1, 0.02);

    private final ContentVectors content = new ContentVectors();

    private void describe(int from, int to) {
        for (int s = from; s < to; s++) {
            content.put(s, "item " + s, List.of(s % 2 == 0 ? "even" : "odd"), List.of());
        }
    }

    @Test
    void itTrainsOnTheCatalogueKnownUpFrontThenEveryTenChangesAndNotInBetween() {
        ContentTraining training = new ContentTraining(EVERY_TEN, content, 1);
        describe(0, 30);
        assertThat(training.start()).isTrue();
        describe(30, 39);
        assertThat(training.catalogueChanged()).as("9 changes since").isFalse();
        describe(39, 40);
        assertThat(training.catalogueChanged()).as("10 changes since").isTrue();
        assertThat(training.catalogueChanged()).isFalse();
        assertThat(training.fits()).isEqualTo(2);
        assertThat(content.cosine(0, 2)).isGreaterThan(content.cosine(0, 1));
    }

    @Test
    void anEmptyCatalogueIsNotTrainedOnAndTfidfStaysUntilTheFirstTraining() {
        ContentTraining training = new ContentTraining(EVERY_TEN, content, 1);
        assertThat(training.start()).isFalse();
        describe(0, 9);
        assertThat(training.catalogueChanged()).isFalse();
        assertThat(training.fits()).isZero();
        ContentVectors tfidf = new ContentVectors();
        for (int s = 0; s < 9; s++) {
            tfidf.put(s, "item " + s, List.of(s % 2 == 0 ? "even" : "odd"), List.of());
        }
        assertThat(content.cosine(0, 2)).isEqualTo(tfidf.cosine(0, 2));
    }

    @Test
    void itIsRefusedForTheTfidfEncoder() {
        assertThatThrownBy(() -> new ContentTraining(ContentEncoderSettings.defaults(), content, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tfidf");
    }
}
