package io.streamrec.model.content;

import java.util.Locale;

/**
 * What gives items' content similarity, and how the autoencoder is trained when it does.
 *
 * @param encoder       {@link Encoder#TFIDF}: the cosine of the hashed TF-IDF vectors themselves;
 *                      {@link Encoder#AUTOENCODER}: the cosine of codes an autoencoder learns from them;
 *                      {@link Encoder#BOTH}: the mean of the two cosines
 * @param inputBits     the hashed features are folded into 2^inputBits inputs
 * @param codeSize      units of the code layer: the length of an item's code
 * @param batch         items per mini-batch step
 * @param epochs        passes over the catalogue of the first training
 * @param retrainEvery  catalogue changes (items described, re-described or removed) between two trainings
 * @param retrainEpochs passes over the catalogue of each later training, which moves on from the last weights
 * @param learningRate  Adam's step size
 */
public record ContentEncoderSettings(Encoder encoder, int inputBits, int codeSize, int batch, int epochs,
                                     int retrainEvery, int retrainEpochs, double learningRate) {
    /** Where content similarity comes from, and the learned codes' share of it. */
    public enum Encoder {
        TFIDF(0), AUTOENCODER(1), BOTH(0.5);

        private final double codeShare;

        Encoder(double codeShare) {
            this.codeShare = codeShare;
        }

        /** The codes' cosine's share of a content similarity, the TF-IDF cosine's the rest. */
        public double codeShare() {
            return codeShare;
        }

        /** The encoder a configuration value names, case-insensitive. */
        public static Encoder parse(String value) {
            String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            for (Encoder encoder : values()) {
                if (encoder.name().equals(name)) {
                    return encoder;
                }
            }
            throw new IllegalArgumentException("must be tfidf, autoencoder or both, was '" + value + "'");
        }

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ContentEncoderSettings {
        require(encoder != null, "content.encoder must be set");
        require(inputBits >= 4 && inputBits <= 16, "content inputBits must be in 4..16");
        require(codeSize > 0 && codeSize <= 512, "content codeSize must be in 1..512");
        require(batch > 0, "content batch must be > 0");
        require(epochs > 0 && retrainEpochs > 0, "content epochs must be > 0");
        require(retrainEvery > 0, "content retrainEvery must be > 0");
        require(learningRate > 0 && learningRate < 1, "content learningRate must be in (0, 1)");
    }

    public static ContentEncoderSettings defaults() {
        return of(Encoder.TFIDF);
    }

    /** {@code encoder} with the autoencoder's default size and training cadence. */
    public static ContentEncoderSettings of(Encoder encoder) {
        return new ContentEncoderSettings(encoder, 12, 64, 128, 10, 500, 2, 0.005);
    }

    public boolean learned() {
        return encoder.codeShare > 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
