package io.streamrec.model.sequence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequence model's parameters at one version, immutable: what the trainer publishes and every
 * instance scores with. Row 0 of both embeddings is the padding row; row r >= 1 is item
 * {@code item(r)}. Matrices are row-major float arrays:
 * <ul>
 *   <li>{@code embedding}: rows x E, the GRU's input per item;</li>
 *   <li>{@code inputWeights}: E x 3H and {@code recurrentWeights}: H x 3H, gate columns in the order
 *       reset, update, candidate; {@code gateBias}: 3H;</li>
 *   <li>{@code outputEmbedding}: rows x H and {@code outputBias}: rows; an item's score after a
 *       sequence is the final hidden state dotted with its output row, plus its bias.</li>
 * </ul>
 * The arrays are never written after construction; the package's readers do not copy them.
 */
public final class SequenceSnapshot {
    private final long version;
    private final int embeddingDims;
    private final int hiddenDims;
    private final int length;
    private final String[] items;
    private final Map<String, Integer> rows;
    private final float[] embedding;
    private final float[] inputWeights;
    private final float[] recurrentWeights;
    private final float[] gateBias;
    private final float[] outputEmbedding;
    private final float[] outputBias;

    /** Takes ownership of the arrays; {@code items} holds the items of rows 1.. in order. */
    SequenceSnapshot(long version, int embeddingDims, int hiddenDims, int length, String[] items, float[] embedding,
                     float[] inputWeights, float[] recurrentWeights, float[] gateBias, float[] outputEmbedding,
                     float[] outputBias) {
        int rowCount = items.length + 1;
        check("embedding", embedding.length, (long) rowCount * embeddingDims);
        check("inputWeights", inputWeights.length, (long) embeddingDims * 3 * hiddenDims);
        check("recurrentWeights", recurrentWeights.length, (long) hiddenDims * 3 * hiddenDims);
        check("gateBias", gateBias.length, 3L * hiddenDims);
        check("outputEmbedding", outputEmbedding.length, (long) rowCount * hiddenDims);
        check("outputBias", outputBias.length, rowCount);
        this.version = version;
        this.embeddingDims = embeddingDims;
        this.hiddenDims = hiddenDims;
        this.length = length;
        this.items = items;
        this.embedding = embedding;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.gateBias = gateBias;
        this.outputEmbedding = outputEmbedding;
        this.outputBias = outputBias;
        this.rows = new HashMap<>(items.length * 2);
        for (int r = 0; r < items.length; r++) {
            if (rows.put(items[r], r + 1) != null) {
                throw new IllegalArgumentException("item " + items[r] + " has two rows");
            }
        }
    }

    /**
     * A snapshot of copies of the given arrays, laid out as the class comment says.
     *
     * @throws IllegalArgumentException when an array's length does not match the dimensions, or an item repeats
     */
    public static SequenceSnapshot of(long version, int embeddingDims, int hiddenDims, int length, List<String> items,
                                      float[] embedding, float[] inputWeights, float[] recurrentWeights,
                                      float[] gateBias, float[] outputEmbedding, float[] outputBias) {
        return new SequenceSnapshot(version, embeddingDims, hiddenDims, length, items.toArray(new String[0]),
                embedding.clone(), inputWeights.clone(), recurrentWeights.clone(), gateBias.clone(),
                outputEmbedding.clone(), outputBias.clone());
    }

    private static void check(String name, int actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " holds " + actual + " floats, expected " + expected);
        }
    }

    /** Increases with every training step; a newer snapshot replaces an older one, never the reverse. */
    public long version() {
        return version;
    }

    public int embeddingDims() {
        return embeddingDims;
    }

    public int hiddenDims() {
        return hiddenDims;
    }

    /** How many recent items the model reads (L). */
    public int length() {
        return length;
    }

    /** Rows, the padding row included: items are rows 1 to {@code rowCount() - 1}. */
    public int rowCount() {
        return items.length + 1;
    }

    /** The item's row, or -1 for an item the model does not know. */
    public int rowOf(String item) {
        Integer row = rows.get(item);
        return row == null ? -1 : row;
    }

    /** The item of a row >= 1. */
    public String item(int row) {
        return items[row - 1];
    }

    String[] items() {
        return items;
    }

    float[] embedding() {
        return embedding;
    }

    float[] inputWeights() {
        return inputWeights;
    }

    float[] recurrentWeights() {
        return recurrentWeights;
    }

    float[] gateBias() {
        return gateBias;
    }

    float[] outputEmbedding() {
        return outputEmbedding;
    }

    float[] outputBias() {
        return outputBias;
    }
}
