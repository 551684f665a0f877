package io.streamrec.model.content;

import io.streamrec.model.SameDiffGraphs;
import io.streamrec.model.VectorMath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Learns items' content codes with ND4J's SameDiff: an autoencoder whose input is an item's
 * folded TF-IDF features ({@link ContentEncoder#fold}), whose code layer is tanh of a dense layer,
 * and whose decoder predicts, by a softmax over every input, which features the item has (the
 * target is its TF-IDF weights scaled to sum to 1, so rare words, which say most, weigh most).
 * Items that share features then share code directions, and so do items whose features co-occur
 * with the same others. The graph, its gradients (automatic differentiation) and Adam's steps are
 * ND4J's; mini-batches of shuffled items. Each {@link #fit} moves on from the last weights, so a
 * retraining after catalogue changes is a few passes, not a fresh start. Not thread-safe: one
 * trainer, on one thread.
 */
public final class ContentAutoencoder {
    /** The graph's trained variables; the first two are the encoder. */
    private static final String[] PARAMETERS = {"encoderWeights", "encoderBias", "decoderWeights", "decoderBias"};

    private final ContentEncoderSettings settings;
    private final int inputs;
    private final SameDiff graph;
    private final Random random;

    /** @param seed the initial weights' and the batches' shuffling: the same catalogue gives the same codes */
    public ContentAutoencoder(ContentEncoderSettings settings, long seed) {
        this.settings = settings;
        this.inputs = 1 << settings.inputBits();
        this.random = new Random(seed);
        int code = settings.codeSize();
        graph = SameDiff.create();
        SDVariable x = graph.placeHolder("x", DataType.FLOAT, -1, inputs);
        SDVariable target = graph.placeHolder("target", DataType.FLOAT, -1, inputs);
        SDVariable encoderWeights = graph.var(PARAMETERS[0], glorot(inputs, code));
        SDVariable encoderBias = graph.var(PARAMETERS[1], Nd4j.zeros(DataType.FLOAT, 1, code));
        SDVariable decoderWeights = graph.var(PARAMETERS[2], glorot(code, inputs));
        SDVariable decoderBias = graph.var(PARAMETERS[3], Nd4j.zeros(DataType.FLOAT, 1, inputs));
        SDVariable codeLayer = graph.math.tanh(x.mmul(encoderWeights).add(encoderBias));
        SDVariable logits = codeLayer.mmul(decoderWeights).add(decoderBias);
        graph.loss.softmaxCrossEntropy("loss", target, logits, null);
        graph.setLossVariables("loss");
        graph.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(settings.learningRate()))
                .dataSetFeatureMapping("x")
                .dataSetLabelMapping("target")
                .build());
        SameDiffGraphs.prepare(graph);
    }

    /**
     * {@code epochs} passes over {@code rows} (items without features are left out) in shuffled
     * mini-batches; returns the encoder of the weights after them, its centre the mean code of
     * these rows. A pass that leaves a weight non-finite is undone and ends the training.
     */
    public ContentEncoder fit(List<ContentRow> rows, int epochs) {
        List<ContentEncoder.Folded> items = new ArrayList<>();
        for (ContentRow row : rows) {
            ContentEncoder.Folded folded = ContentEncoder.fold(settings.inputBits(), row.features(), row.weights());
            if (folded != null) {
                items.add(folded);
            }
        }
        for (int epoch = 0; epoch < epochs && !items.isEmpty(); epoch++) {
            INDArray[] before = parameters();
            Collections.shuffle(items, random);
            for (int from = 0; from < items.size(); from += settings.batch()) {
                graph.fit(batch(items.subList(from, Math.min(items.size(), from + settings.batch()))));
            }
            if (!finite()) {
                // A diverging pass: keep the last finite weights rather than codes of NaN.
                for (int p = 0; p < PARAMETERS.length; p++) {
                    graph.getVariable(PARAMETERS[p]).setArray(before[p]);
                }
                break;
            }
        }
        return encoder(items);
    }

    /** The inputs (unit length) and the targets (the same weights over their sum) of a mini-batch. */
    private MultiDataSet batch(List<ContentEncoder.Folded> items) {
        int b = items.size();
        float[] x = new float[b * inputs];
        float[] target = new float[b * inputs];
        for (int r = 0; r < b; r++) {
            ContentEncoder.Folded item = items.get(r);
            float sum = 0f;
            for (float v : item.values()) {
                sum += v;
            }
            for (int i = 0; i < item.inputs().length; i++) {
                x[r * inputs + item.inputs()[i]] = item.values()[i];
                target[r * inputs + item.inputs()[i]] = item.values()[i] / sum;
            }
        }
        long[] shape = {b, inputs};
        return new MultiDataSet(new INDArray[] {Nd4j.create(x, shape, 'c')},
                new INDArray[] {Nd4j.create(target, shape, 'c')});
    }

    private ContentEncoder encoder(List<ContentEncoder.Folded> items) {
        int code = settings.codeSize();
        float[] weights = values(PARAMETERS[0]);
        float[] bias = values(PARAMETERS[1]);
        ContentEncoder uncentred = new ContentEncoder(settings.inputBits(), code, weights, bias, new float[code]);
        float[] centre = new float[code];
        for (ContentEncoder.Folded item : items) {
            VectorMath.axpy(1f / items.size(), uncentred.rawCode(item), centre);
        }
        return new ContentEncoder(settings.inputBits(), code, weights, bias, centre);
    }

    private boolean finite() {
        for (String parameter : PARAMETERS) {
            if (!VectorMath.allFinite(values(parameter))) {
                return false;
            }
        }
        return true;
    }

    private INDArray[] parameters() {
        INDArray[] out = new INDArray[PARAMETERS.length];
        for (int p = 0; p < PARAMETERS.length; p++) {
            out[p] = graph.getVariable(PARAMETERS[p]).getArr().dup('c');
        }
        return out;
    }

    private float[] values(String variable) {
        return graph.getVariable(variable).getArr().dup('c').data().asFloat();
    }

    /** Glorot-uniform weights from the trainer's seed. */
    private INDArray glorot(int rows, int columns) {
        double limit = Math.sqrt(6.0 / (rows + columns));
        float[] w = new float[rows * columns];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return Nd4j.create(w, new long[] {rows, columns}, 'c');
    }
}
