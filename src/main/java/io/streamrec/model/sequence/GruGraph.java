package io.streamrec.model.sequence;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The part of the SameDiff graph that training and ND4J inference share: ND4J's GRU op reading a
 * batch of item-row sequences from a zero state, the final hidden state out. Names of
 * placeholders and variables are declared once here.
 */
final class GruGraph {
    static final String INITIAL_STATE = "initialState";
    static final String INPUT_WEIGHTS = "inputWeights";
    static final String RECURRENT_WEIGHTS = "recurrentWeights";
    static final String GATE_BIAS = "gateBias";
    static final String HIDDEN = "hidden";

    private GruGraph() {}

    /**
     * Declares the {@link #INITIAL_STATE} placeholder (batch x H, fed zeros) and returns the final
     * hidden state, batch x H, named {@link #HIDDEN}.
     *
     * @param inputs batch x L x E, the rows of each sequence, oldest first; the weight variables
     *               named here must already exist in {@code sd}
     */
    static SDVariable finalHidden(SameDiff sd, SDVariable inputs, int length, int hiddenDims) {
        SDVariable initial = sd.placeHolder(INITIAL_STATE, DataType.FLOAT, -1, hiddenDims);
        SDVariable states = sd.rnn().gru(inputs.permute(1, 0, 2), initial, sd.getVariable(INPUT_WEIGHTS),
                sd.getVariable(RECURRENT_WEIGHTS), sd.getVariable(GATE_BIAS));
        return sd.identity(HIDDEN, states.get(SDIndex.point(length - 1)));
    }
}
