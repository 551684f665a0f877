package io.streamrec.model.sequence;

/**
 * Hyperparameters of the next-item sequence model (GRU4Rec-style): one immutable value shared by
 * the trainer, the snapshot and the evaluator, so what is measured is what runs.
 *
 * @param embeddingDims   length of an item's input embedding
 * @param hiddenDims      units of the GRU, and length of an item's output embedding
 * @param length          how many of the user's most recent items the GRU reads (L); shorter
 *                        histories are padded on the left with a learned padding row
 * @param negatives       uniformly sampled negative items per mini-batch, shared by its examples
 *                        besides the other examples' next items (sampled softmax)
 * @param batchSize       examples per mini-batch, drawn from the window
 * @param stepEvery       a mini-batch step after this many new examples
 * @param window          how many of the most recent examples the mini-batches are drawn from
 * @param learningRate    Adam's step size
 * @param initialCapacity item rows allocated before the first growth; capacity doubles when full
 * @param seed            seeds the initial weights and the sampling, so training is reproducible
 */
public record SequenceSettings(int embeddingDims, int hiddenDims, int length, int negatives, int batchSize,
                               int stepEvery, int window, double learningRate, int initialCapacity, long seed) {

    public SequenceSettings {
        atLeast("embeddingDims", embeddingDims, 1);
        atLeast("hiddenDims", hiddenDims, 1);
        atLeast("length", length, 1);
        atLeast("negatives", negatives, 0);
        atLeast("batchSize", batchSize, 1);
        atLeast("stepEvery", stepEvery, 1);
        atLeast("window", window, batchSize);
        atLeast("initialCapacity", initialCapacity, 2);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
        }
    }

    /** The settings the published figures were measured with (docs/SEQUENCE.md). */
    public static SequenceSettings defaults() {
        return new SequenceSettings(32, 32, 10, 256, 256, 128, 20_000, 0.01, 4_096, 42);
    }

    public SequenceSettings withSeed(long newSeed) {
        return new SequenceSettings(embeddingDims, hiddenDims, length, negatives, batchSize, stepEvery, window,
                learningRate, initialCapacity, newSeed);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }
}
