package io.streamrec.model.content;

import java.util.Arrays;

/**
 * The encoding half of a trained content autoencoder: an item's hashed TF-IDF features, folded
 * into {@code 2^inputBits} inputs and scaled to unit length, times the code layer's weights,
 * through tanh, less the catalogue's mean code, scaled to unit length. The dot product of two codes
 * is then their content similarity. Plain Java: an item's few features read a few rows of the
 * weights, so encoding one item costs features x code size multiply-adds, no ND4J call.
 * Immutable, so readers on any thread may share one.
 */
public final class ContentEncoder {
    private final int inputBits;
    private final int codeSize;
    /** Row-major [2^inputBits][codeSize]: the row of an input is what one unit of it adds to the code. */
    private final float[] weights;
    private final float[] bias;
    /** The mean raw code of the items trained on: without it every code shares one direction and all cosines are high. */
    private final float[] centre;

    ContentEncoder(int inputBits, int codeSize, float[] weights, float[] bias, float[] centre) {
        if (weights.length != (1 << inputBits) * codeSize || bias.length != codeSize || centre.length != codeSize) {
            throw new IllegalArgumentException("encoder weights do not match " + (1 << inputBits) + " inputs and a "
                    + codeSize + "-unit code");
        }
        this.inputBits = inputBits;
        this.codeSize = codeSize;
        this.weights = weights;
        this.bias = bias;
        this.centre = centre;
    }

    public int codeSize() {
        return codeSize;
    }

    /**
     * The folded inputs of sparse features: distinct inputs, sorted, each the sum of the weights
     * folding into it, scaled to unit length. Null for no (or only zero-weight) features. A
     * feature folds into its low bits: features are mixed hashes already, so those spread well.
     */
    static Folded fold(int inputBits, int[] features, float[] featureWeights) {
        int mask = (1 << inputBits) - 1;
        int[] inputs = new int[features.length];
        float[] values = new float[features.length];
        int n = 0;
        long[] packed = new long[features.length];
        for (int i = 0; i < features.length; i++) {
            packed[i] = (long) (features[i] & mask) << 32 | i;
        }
        Arrays.sort(packed);
        double norm = 0;
        for (long p : packed) {
            int in = (int) (p >>> 32);
            float w = featureWeights[(int) p];
            if (n > 0 && inputs[n - 1] == in) {
                values[n - 1] += w;
            } else {
                inputs[n] = in;
                values[n++] = w;
            }
        }
        for (int i = 0; i < n; i++) {
            norm += (double) values[i] * values[i];
        }
        if (norm <= 0) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < n; i++) {
            values[i] *= scale;
        }
        return new Folded(Arrays.copyOf(inputs, n), Arrays.copyOf(values, n));
    }

    /** Sparse folded inputs, sorted and distinct, with unit length. */
    record Folded(int[] inputs, float[] values) {
    }

    /** The code layer's activations, before centring: what the autoencoder's decoder reads. */
    float[] rawCode(Folded folded) {
        float[] code = bias.clone();
        for (int i = 0; i < folded.inputs().length; i++) {
            int row = folded.inputs()[i] * codeSize;
            float x = folded.values()[i];
            for (int j = 0; j < codeSize; j++) {
                code[j] += x * weights[row + j];
            }
        }
        for (int j = 0; j < codeSize; j++) {
            code[j] = (float) Math.tanh(code[j]);
        }
        return code;
    }

    /**
     * The item's code: unit length, or null when it has no features (no content) or its code is
     * the catalogue's mean code (nothing to tell it apart by).
     */
    public float[] encode(int[] features, float[] featureWeights) {
        Folded folded = fold(inputBits, features, featureWeights);
        if (folded == null) {
            return null;
        }
        float[] code = rawCode(folded);
        double norm = 0;
        for (int j = 0; j < codeSize; j++) {
            code[j] -= centre[j];
            norm += (double) code[j] * code[j];
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < codeSize; j++) {
            code[j] *= scale;
        }
        return code;
    }
}
