package io.streamrec.model.sequence;

import io.streamrec.model.SameDiffGraphs;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of one training step and its gradients by automatic differentiation: the
 * GRU over a batch of sequences, the final state scored against candidate items, a sampled
 * softmax cross-entropy in logits form. Item rows come in already looked up (the lookup's
 * backward pass is adding each position's gradient to its row, which {@link SequenceTrainer}
 * does), so the graph's size is the batch's, never the catalogue's.
 */
final class TrainingGraph {
    static final String INPUTS = "inputs";
    static final String CANDIDATE_ROWS = "candidateRows";
    static final String CANDIDATE_BIAS = "candidateBias";
    private static final String MASK = "mask";
    private static final String LABELS = "labels";
    private static final String LOSS = "loss";
    /** The variables whose gradients a step returns, in {@link Gradients}' order. */
    private static final List<String> VARIABLES = List.of(INPUTS, CANDIDATE_ROWS, CANDIDATE_BIAS,
            GruGraph.INPUT_WEIGHTS, GruGraph.RECURRENT_WEIGHTS, GruGraph.GATE_BIAS);

    private final SameDiff sd = SameDiff.create();
    private final int batch;
    private final int columns;
    private final INDArray initialState;
    private final long[][] shapes;

    TrainingGraph(int batch, int columns, int length, int embeddingDims, int hiddenDims) {
        this.batch = batch;
        this.columns = columns;
        this.initialState = Nd4j.zeros(DataType.FLOAT, batch, hiddenDims);
        this.shapes = new long[][] {{batch, length, embeddingDims}, {columns, hiddenDims}, {columns},
                {embeddingDims, 3L * hiddenDims}, {hiddenDims, 3L * hiddenDims}, {3L * hiddenDims}};
        for (int v = 0; v < VARIABLES.size(); v++) {
            sd.var(VARIABLES.get(v), DataType.FLOAT, shapes[v]);
        }
        SDVariable hidden = GruGraph.finalHidden(sd, sd.getVariable(INPUTS), length, hiddenDims);
        SDVariable mask = sd.placeHolder(MASK, DataType.FLOAT, batch, columns);
        SDVariable labels = sd.placeHolder(LABELS, DataType.INT, batch);
        SDVariable logits = sd.mmul(hidden, sd.getVariable(CANDIDATE_ROWS), false, true, false)
                .add(sd.getVariable(CANDIDATE_BIAS)).add(mask);
        sd.mean(LOSS, sd.loss().sparseSoftmaxCrossEntropy(logits, labels));
        sd.setLossVariables(LOSS);
        SameDiffGraphs.prepare(sd);
    }

    /**
     * The loss's gradients at the given values. {@code values} holds, in {@link Gradients}' order,
     * the inputs (batch x L x E), candidate rows (columns x H), candidate biases (columns) and the
     * GRU's weights; {@code mask} (batch x columns) is added to the logits;
     * example b's next item is column {@code b}.
     */
    Gradients gradients(float[][] values, float[] mask) {
        for (int v = 0; v < VARIABLES.size(); v++) {
            sd.getVariable(VARIABLES.get(v)).setArray(Nd4j.createFromArray(values[v]).reshape(shapes[v]));
        }
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = b;
        }
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(GruGraph.INITIAL_STATE, initialState,
                MASK, Nd4j.createFromArray(mask).reshape(batch, columns), LABELS, Nd4j.createFromArray(labels)),
                VARIABLES);
        float[][] out = new float[VARIABLES.size()][];
        for (int v = 0; v < out.length; v++) {
            out[v] = grads.get(VARIABLES.get(v)).dup('c').data().asFloat();
        }
        return new Gradients(out);
    }

    /** Gradients of the inputs, candidate rows, candidate biases, input and recurrent weights, gate biases. */
    record Gradients(float[][] byVariable) {
        float[] inputs() {
            return byVariable[0];
        }

        float[] candidateRows() {
            return byVariable[1];
        }

        float[] candidateBias() {
            return byVariable[2];
        }

        float[] inputWeights() {
            return byVariable[3];
        }

        float[] recurrentWeights() {
            return byVariable[4];
        }

        float[] gateBias() {
            return byVariable[5];
        }
    }
}
