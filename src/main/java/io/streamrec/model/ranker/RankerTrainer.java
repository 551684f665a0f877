package io.streamrec.model.ranker;

import io.streamrec.model.SameDiffGraphs;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains the ranker on examples of what users picked, one mini-batch step at a time, with ND4J's
 * SameDiff: the forward pass and the loss are a graph, the gradients its automatic
 * differentiation, the update Adam's. The loss is listwise: a softmax over each example's
 * candidates, cross-entropy against the pick, so the ranker learns to put the pick above
 * whatever else the list had at that moment. Not thread-safe: one trainer per model, on one thread.
 */
public final class RankerTrainer {
    /** Logit added to the padding of an example with fewer candidates than the widest: never picked. */
    private static final float PADDING = -1e4f;
    /** The graph's variables, in the order of {@link #arrays}. */
    private static final String[] PARAMETERS = {"linear", "in", "bias", "out"};

    private final int listSize;
    private final int features;
    private final int hidden;
    private final SameDiff graph;
    private long version;

    /**
     * @param start        the weights training moves on from
     * @param listSize     the most candidates an example has (pick included); fewer are padded
     * @param learningRate Adam's step size
     */
    public RankerTrainer(RankerWeights start, int listSize, double learningRate) {
        if (listSize < 2) {
            throw new IllegalArgumentException("a ranking example has at least two candidates");
        }
        this.listSize = listSize;
        this.features = start.features();
        this.hidden = start.hidden();
        this.version = start.version();
        this.graph = SameDiff.create();
        SDVariable x = graph.placeHolder("x", DataType.FLOAT, -1, features);
        SDVariable mask = graph.placeHolder("mask", DataType.FLOAT, -1, listSize);
        SDVariable pick = graph.placeHolder("pick", DataType.FLOAT, -1, listSize);
        INDArray[] initial = arrays(start);
        SDVariable linear = graph.var(PARAMETERS[0], initial[0]);
        SDVariable in = graph.var(PARAMETERS[1], initial[1]);
        SDVariable bias = graph.var(PARAMETERS[2], initial[2]);
        SDVariable out = graph.var(PARAMETERS[3], initial[3]);
        SDVariable hiddenLayer = graph.math.tanh(x.mmul(in).add(bias));
        SDVariable score = x.mmul(linear).add(hiddenLayer.mmul(out));
        SDVariable logits = score.reshape(-1, listSize).add(mask);
        graph.loss.softmaxCrossEntropy("loss", pick, logits, null);
        graph.setLossVariables("loss");
        graph.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping("x", "mask")
                .dataSetLabelMapping("pick")
                .build());
        SameDiffGraphs.prepare(graph);
    }

    /** One step on {@code batch}; returns the weights after it, one version on. */
    public RankerWeights step(List<RankingExample> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one example");
        }
        int b = batch.size();
        float[] x = new float[b * listSize * features];
        float[] mask = new float[b * listSize];
        float[] pick = new float[b * listSize];
        for (int e = 0; e < b; e++) {
            RankingExample example = batch.get(e);
            int candidates = Math.min(example.candidates(), listSize);
            System.arraycopy(example.rows(), 0, x, e * listSize * features, candidates * features);
            for (int k = candidates; k < listSize; k++) {
                mask[e * listSize + k] = PADDING;
            }
            pick[e * listSize] = 1f;
        }
        MultiDataSet data = new MultiDataSet(
                new INDArray[] {Nd4j.create(x, new long[] {(long) b * listSize, features}, 'c'),
                        Nd4j.create(mask, new long[] {b, listSize}, 'c')},
                new INDArray[] {Nd4j.create(pick, new long[] {b, listSize}, 'c')});
        RankerWeights before = weights();
        graph.fit(data);
        RankerWeights after = weightsAt(version + 1);
        if (!after.isFinite()) {
            // A non-finite example or a diverging step: lists keep the last finite weights.
            INDArray[] previous = arrays(before);
            for (int p = 0; p < PARAMETERS.length; p++) {
                graph.getVariable(PARAMETERS[p]).setArray(previous[p]);
            }
            return before;
        }
        version++;
        return after;
    }

    /** The weights now. */
    public RankerWeights weights() {
        return weightsAt(version);
    }

    private RankerWeights weightsAt(long atVersion) {
        return new RankerWeights(atVersion, features, hidden, values(PARAMETERS[0]), values(PARAMETERS[1]),
                values(PARAMETERS[2]), values(PARAMETERS[3]));
    }

    /** The graph's arrays for {@code weights}, in the order of {@link #PARAMETERS}. */
    private INDArray[] arrays(RankerWeights weights) {
        return new INDArray[] {column(weights.linear()),
                Nd4j.create(weights.in(), new long[] {features, hidden}, 'c'),
                Nd4j.create(weights.bias(), new long[] {1, hidden}, 'c'),
                column(weights.out())};
    }

    private float[] values(String variable) {
        return graph.getVariable(variable).getArr().dup('c').data().asFloat();
    }

    private static INDArray column(float[] values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c');
    }
}
