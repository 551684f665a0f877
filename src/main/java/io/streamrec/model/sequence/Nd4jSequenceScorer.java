package io.streamrec.model.sequence;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inference from a {@link SequenceSnapshot} through the same SameDiff graph as training: the
 * reference {@link SequenceScorer} must agree with, and what it is measured against.
 */
public final class Nd4jSequenceScorer {
    private static final String SEQUENCE = "sequence";
    private static final String SCORES = "scores";

    private final SequenceSnapshot model;
    private final SameDiff sd;
    private final int[] window;
    private final INDArray initialState;

    public Nd4jSequenceScorer(SequenceSnapshot model) {
        this.model = model;
        int e = model.embeddingDims();
        int h = model.hiddenDims();
        int rows = model.rowCount();
        this.window = new int[model.length()];
        this.initialState = Nd4j.zeros(DataType.FLOAT, 1, h);
        sd = SameDiff.create();
        SDVariable embedding = sd.constant(Nd4j.createFromArray(model.embedding()).reshape(rows, e));
        sd.constant(GruGraph.INPUT_WEIGHTS, Nd4j.createFromArray(model.inputWeights()).reshape(e, 3L * h));
        sd.constant(GruGraph.RECURRENT_WEIGHTS, Nd4j.createFromArray(model.recurrentWeights()).reshape(h, 3L * h));
        sd.constant(GruGraph.GATE_BIAS, Nd4j.createFromArray(model.gateBias()));
        SDVariable output = sd.constant(Nd4j.createFromArray(model.outputEmbedding()).reshape(rows, h));
        SDVariable bias = sd.constant(Nd4j.createFromArray(model.outputBias()));
        SDVariable sequence = sd.placeHolder(SEQUENCE, DataType.INT, -1, model.length());
        SDVariable hidden = GruGraph.finalHidden(sd, sd.gather(embedding, sequence, 0), model.length(), h);
        sd.mmul(hidden, output, false, true, false).add(SCORES, bias);
    }

    /** The final hidden state and every row's score after {@code rows} (oldest first), as {@link SequenceScorer}. */
    public Result score(int[] rows) {
        PaddedWindow.fill(rows, rows.length, window);
        Map<String, INDArray> out = sd.output(Map.of(SEQUENCE, Nd4j.createFromArray(window).reshape(1, window.length),
                GruGraph.INITIAL_STATE, initialState), GruGraph.HIDDEN, SCORES);
        return new Result(out.get(GruGraph.HIDDEN).toFloatVector(), out.get(SCORES).toFloatVector());
    }

    /** Scores are indexed by row; row 0 (padding) is scored too and means nothing. */
    public record Result(float[] hidden, float[] scores) {}

    public SequenceSnapshot model() {
        return model;
    }
}
