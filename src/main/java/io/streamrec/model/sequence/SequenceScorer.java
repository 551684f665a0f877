package io.streamrec.model.sequence;

import io.streamrec.model.TopN;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Inference from a {@link SequenceSnapshot} in plain Java: the GRU's final hidden state over a
 * user's recent items, then every item's score against it, and the best k. The GRU is ND4J's
 * ({@code gru} op): with gate columns reset r, update u, candidate c,
 * <pre>
 *   gx = x Wx + b,   gh = h Wh
 *   r = sigmoid(gx_r + gh_r),   u = sigmoid(gx_u + gh_u)
 *   c = tanh(gx_c + r * gh_c)
 *   h' = u * h + (1 - u) * c
 * </pre>
 * starting from h = 0 and reading exactly {@code length} rows, padded on the left with row 0, so
 * it agrees with the training graph. Scratch buffers are reused: one scorer per thread.
 */
public final class SequenceScorer {
    private final SequenceSnapshot model;
    private final int e;
    private final int h;
    private final int[] window;
    private final float[] gx;
    private final float[] gh;
    private final float[] state;

    public SequenceScorer(SequenceSnapshot model) {
        this.model = model;
        this.e = model.embeddingDims();
        this.h = model.hiddenDims();
        this.window = new int[model.length()];
        this.gx = new float[3 * h];
        this.gh = new float[3 * h];
        this.state = new float[h];
    }

    public SequenceSnapshot model() {
        return model;
    }

    /**
     * The final hidden state after {@code count} rows of {@code rows}, oldest first; only the last
     * {@code length} count, rows below 1 are skipped (unknown items).
     *
     * @param out H floats, overwritten
     */
    public void hidden(int[] rows, int count, float[] out) {
        PaddedWindow.fill(rows, count, window);
        java.util.Arrays.fill(state, 0f);
        for (int row : window) {
            step(row);
        }
        System.arraycopy(state, 0, out, 0, h);
    }

    private void step(int row) {
        float[] wx = model.inputWeights();
        float[] wh = model.recurrentWeights();
        float[] emb = model.embedding();
        int g = 3 * h;
        System.arraycopy(model.gateBias(), 0, gx, 0, g);
        java.util.Arrays.fill(gh, 0f);
        int x = row * e;
        for (int i = 0; i < e; i++) {
            axpy(emb[x + i], wx, i * g, gx, g);
        }
        for (int i = 0; i < h; i++) {
            axpy(state[i], wh, i * g, gh, g);
        }
        for (int j = 0; j < h; j++) {
            float r = sigmoid(gx[j] + gh[j]);
            float u = sigmoid(gx[h + j] + gh[h + j]);
            float c = (float) Math.tanh(gx[2 * h + j] + r * gh[2 * h + j]);
            state[j] = u * state[j] + (1 - u) * c;
        }
    }

    private static void axpy(float a, float[] matrix, int offset, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * matrix[offset + j];
        }
    }

    private static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** The score of row {@code row} >= 1 after a sequence with final state {@code hidden}. */
    public float score(float[] hidden, int row) {
        float[] out = model.outputEmbedding();
        float s = model.outputBias()[row];
        for (int j = 0, o = row * h; j < h; j++) {
            s += hidden[j] * out[o + j];
        }
        return s;
    }

    /**
     * Every row's score; the padding row gets negative infinity.
     *
     * @param out at least {@link SequenceSnapshot#rowCount()} floats
     */
    public void scores(float[] hidden, float[] out) {
        out[0] = Float.NEGATIVE_INFINITY;
        for (int row = 1; row < model.rowCount(); row++) {
            out[row] = score(hidden, row);
        }
    }

    /**
     * The best up to k rows, best first, that {@code excluded} does not reject; returns how many
     * were written to {@code rowsOut} and {@code scoresOut}.
     */
    public int top(float[] hidden, int k, IntPredicate excluded, int[] rowsOut, float[] scoresOut) {
        TopN best = new TopN(k);
        for (int row = 1; row < model.rowCount(); row++) {
            if (!excluded.test(row)) {
                best.offer(row, score(hidden, row));
            }
        }
        int[] rows = best.slotsBestFirst();
        for (int i = 0; i < rows.length; i++) {
            rowsOut[i] = rows[i];
            scoresOut[i] = score(hidden, rows[i]);
        }
        return rows.length;
    }

    /** The k items most expected after {@code recentItems} (oldest first), none of {@code exclude}. */
    public List<NextItem> next(List<String> recentItems, int k, Set<String> exclude) {
        int[] rows = new int[recentItems.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = model.rowOf(recentItems.get(i));
        }
        float[] hidden = new float[h];
        hidden(rows, rows.length, hidden);
        int[] topRows = new int[k];
        float[] topScores = new float[k];
        int n = top(hidden, k, row -> exclude.contains(model.item(row)), topRows, topScores);
        List<NextItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new NextItem(model.item(topRows[i]), topScores[i]));
        }
        return out;
    }
}
