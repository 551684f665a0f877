package io.streamrec.model.ranker;

/**
 * How the learned ranker is trained: on or off, its size, and the cadence of its steps, which
 * are counted in examples so a replay and a live deployment train alike.
 *
 * @param learned      whether personal lists are ranked by the learned ranker (off: the fixed blend alone)
 * @param hidden       hidden units of its one hidden layer
 * @param learningRate Adam's step size
 * @param stepEvery    new examples between two mini-batch steps once the window is full
 * @param batch        examples per step once the window is full, drawn from the most recent {@code window}
 * @param window       how many of the newest examples steps draw from: the traffic the ranker follows
 * @param negatives    candidates not picked per example
 */
public record RankerSettings(boolean learned, int hidden, double learningRate, int stepEvery, int batch, int window,
                             int negatives) {
    public RankerSettings {
        require(hidden >= 0 && hidden <= 256, "ranker.hidden must be in 0..256");
        require(learningRate > 0 && learningRate < 1, "ranker.learning.rate must be in (0, 1)");
        require(stepEvery > 0, "ranker.step.every must be > 0");
        require(batch > 0, "ranker.batch must be > 0");
        require(window >= batch, "ranker.window must be >= ranker.batch");
        require(negatives > 0, "ranker.negatives must be > 0");
    }

    public static RankerSettings defaults() {
        return new RankerSettings(true, 16, 0.01, 64, 256, 4096, 20);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
