package io.streamrec.model.sequence;

import java.util.List;
import java.util.Random;

/**
 * Trains the sequence model on the examples it is fed: each is a user's recent items and the item
 * that came next. Every {@code stepEvery} examples it takes one Adam step on a mini-batch of those
 * new examples and others drawn from the window of recent ones, with gradients from ND4J SameDiff ({@link TrainingGraph}:
 * the GRU op and automatic differentiation), and publishes a new {@link SequenceSnapshot}.
 *
 * <p>The loss is a sampled softmax: each example's next item against the other examples' next
 * items and {@code negatives} items drawn uniformly, shared by the batch, so a step costs the same
 * on a catalogue of a thousand items or a million. Each logit is corrected by minus the log of
 * how often its item is expected among the candidates (the logQ correction): the other examples'
 * next items are drawn by popularity, and without it the model would learn to rank popular items
 * down. An item that is also another column's item (an accidental hit) is masked out of that
 * example's softmax.
 *
 * <p>The item tables live here, outside the graph ({@link ParameterTable}): a step copies in the
 * rows its batch uses and adds their gradients back, and Adam updates only those rows. New items
 * get rows as they appear; the tables keep spare capacity and double, copying every row, when it
 * runs out. Deterministic for a given seed and sequence of examples. Not thread-safe: one thread
 * feeds it.
 */
public final class SequenceTrainer {
    private static final float MASKED = -1e9f;
    private static final float ITEM_INIT_STD = 0.1f;

    private final SequenceSettings settings;
    private final ItemRows rows = new ItemRows();
    private final TrainingWindow window;
    private final Random random;
    private final ParameterTable embedding;
    private final ParameterTable output;
    private final ParameterTable outputBias;
    private final ParameterTable inputWeights;
    private final ParameterTable recurrentWeights;
    private final ParameterTable gateBias;
    private final TrainingGraph graph;
    private final int columns;
    private final int[] scratchRows;
    private final int[] scratchWindow;
    private final int[] sequences;
    private final int[] candidates;
    private long examples;
    private long steps;
    private SequenceSnapshot snapshot;

    public SequenceTrainer(SequenceSettings settings) {
        this.settings = settings;
        int e = settings.embeddingDims();
        int h = settings.hiddenDims();
        int capacity = settings.initialCapacity();
        this.window = new TrainingWindow(settings.window(), settings.length());
        this.random = new Random(settings.seed());
        this.embedding = new ParameterTable(e, gaussian(new float[capacity * e]));
        this.output = new ParameterTable(h, gaussian(new float[capacity * h]));
        this.outputBias = new ParameterTable(1, new float[capacity]);
        this.inputWeights = new ParameterTable(e * 3 * h, uniform(new float[e * 3 * h], Math.sqrt(6.0 / (e + 3 * h))));
        this.recurrentWeights = new ParameterTable(h * 3 * h, uniform(new float[h * 3 * h], Math.sqrt(6.0 / (4 * h))));
        this.gateBias = new ParameterTable(3 * h, new float[3 * h]);
        this.columns = settings.batchSize() + settings.negatives();
        this.graph = new TrainingGraph(settings.batchSize(), columns, settings.length(), e, h);
        this.scratchRows = new int[settings.length()];
        this.scratchWindow = new int[settings.length()];
        this.sequences = new int[settings.batchSize() * settings.length()];
        this.candidates = new int[columns];
    }

    public SequenceSettings settings() {
        return settings;
    }

    /**
     * One example: the user's recent items (oldest first; only the last L count) and the item that
     * followed them. Takes a training step when this example completes {@code stepEvery} of them.
     *
     * @return whether a step was taken (and {@link #snapshot()} is new)
     */
    public boolean add(List<String> recentItems, String next) {
        int from = Math.max(0, recentItems.size() - settings.length());
        int count = 0;
        for (int i = from; i < recentItems.size(); i++) {
            scratchRows[count++] = rows.rowOf(recentItems.get(i));
        }
        PaddedWindow.fill(scratchRows, count, scratchWindow);
        window.add(scratchWindow, rows.rowOf(next));
        if (++examples % settings.stepEvery() != 0) {
            return false;
        }
        step();
        return true;
    }

    /** The parameters after the latest step, or null before the first. */
    public SequenceSnapshot snapshot() {
        return snapshot;
    }

    public long steps() {
        return steps;
    }

    /** Item rows allocated (at least the rows in use, the padding row included). */
    int capacity() {
        return embedding.rows();
    }

    /** The parameters as they stand, rows in use only: what {@link #snapshot()} becomes after a step. */
    SequenceSnapshot parameters() {
        int used = rows.count();
        return new SequenceSnapshot(steps, settings.embeddingDims(), settings.hiddenDims(), settings.length(),
                rows.items(), embedding.copyOfRows(used), inputWeights.copyOfRows(1),
                recurrentWeights.copyOfRows(1), gateBias.copyOfRows(1), output.copyOfRows(used),
                outputBias.copyOfRows(used));
    }

    /** Room for at least {@code needed} item rows, the padding row included; doubles the capacity when short. */
    void reserve(int needed) {
        if (needed > capacity()) {
            int grown = Math.max(2 * capacity(), needed);
            embedding.grow(grown, random, ITEM_INIT_STD);
            output.grow(grown, random, ITEM_INIT_STD);
            outputBias.grow(grown, random, 0);
        }
    }

    private void step() {
        reserve(rows.count());
        int batch = settings.batchSize();
        window.sample(random, batch, settings.stepEvery(), sequences, candidates);
        for (int c = batch; c < columns; c++) {
            candidates[c] = 1 + random.nextInt(rows.count() - 1);
        }
        TrainingGraph.Gradients g = graph.gradients(values(), logitAdjustments(batch));
        int e = settings.embeddingDims();
        for (int p = 0; p < sequences.length; p++) {
            embedding.addGradient(sequences[p], g.inputs(), p * e);
        }
        for (int c = 0; c < columns; c++) {
            output.addGradient(candidates[c], g.candidateRows(), c * settings.hiddenDims());
            outputBias.addGradient(candidates[c], g.candidateBias(), c);
        }
        inputWeights.addGradient(0, g.inputWeights(), 0);
        recurrentWeights.addGradient(0, g.recurrentWeights(), 0);
        gateBias.addGradient(0, g.gateBias(), 0);
        steps++;
        for (ParameterTable table : List.of(embedding, output, outputBias, inputWeights, recurrentWeights, gateBias)) {
            table.adamStep(settings.learningRate(), steps);
        }
        snapshot = parameters();
    }

    /** The graph's inputs: each position's input row, the candidates' output rows and biases, the GRU's weights. */
    private float[][] values() {
        int e = settings.embeddingDims();
        int h = settings.hiddenDims();
        float[] inputs = new float[sequences.length * e];
        for (int p = 0; p < sequences.length; p++) {
            embedding.copyRow(sequences[p], inputs, p * e);
        }
        float[] candidateRows = new float[columns * h];
        float[] candidateBias = new float[columns];
        for (int c = 0; c < columns; c++) {
            output.copyRow(candidates[c], candidateRows, c * h);
            outputBias.copyRow(candidates[c], candidateBias, c);
        }
        return new float[][] {inputs, candidateRows, candidateBias, inputWeights.copyOfRows(1),
                recurrentWeights.copyOfRows(1), gateBias.copyOfRows(1)};
    }

    /**
     * What each logit gets added: minus the log of its candidate's expected count among the
     * columns, and a large negative number where a column other than the example's own holds the
     * example's next item.
     */
    private float[] logitAdjustments(int batch) {
        float[] correction = new float[columns];
        double uniform = settings.negatives() / (double) (rows.count() - 1);
        for (int c = 0; c < columns; c++) {
            correction[c] = (float) -Math.log(batch * window.targetShare(candidates[c]) + uniform);
        }
        float[] adjustments = new float[batch * columns];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < columns; c++) {
                boolean accidentalHit = c != b && candidates[c] == candidates[b];
                adjustments[b * columns + c] = accidentalHit ? MASKED : correction[c];
            }
        }
        return adjustments;
    }

    private float[] gaussian(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * ITEM_INIT_STD);
        }
        return values;
    }

    private float[] uniform(float[] values, double limit) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextFloat() * 2 - 1) * limit);
        }
        return values;
    }
}
