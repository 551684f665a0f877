package io.streamrec.bench.jmh;

import io.streamrec.model.TopN;
import io.streamrec.model.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scoring kernels compared by the benchmarks: each fills one score per item of a
 * row-major matrix, then the best k not excluded are selected. Selection checks the
 * exclusion set only for an item that would enter the heap, as the product's refresh does.
 */
final class Kernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private Kernels() {}

    static void scorePlain(float[] user, float[] matrix, int rows, float[] scores) {
        for (int row = 0; row < rows; row++) {
            scores[row] = VectorMath.dotRow(user, matrix, row);
        }
    }

    static void scoreVector(float[] user, float[] matrix, int rows, float[] scores) {
        for (int row = 0; row < rows; row++) {
            scores[row] = dotVector(user, matrix, row * user.length);
        }
    }

    /**
     * B users against the matrix in blocks of rows that stay in cache while every user is
     * scored against them: the matrix is read from memory once per batch, not once per user.
     */
    static void scoreVectorBlocked(float[][] users, float[] matrix, int rows, float[][] scores, int blockRows) {
        for (int start = 0; start < rows; start += blockRows) {
            int end = Math.min(rows, start + blockRows);
            for (int u = 0; u < users.length; u++) {
                for (int row = start; row < end; row++) {
                    scores[u][row] = dotVector(users[u], matrix, row * users[u].length);
                }
            }
        }
    }

    /** One FMA chain over the row; a single lane reduction per row (the reduction is the dear part). */
    private static float dotVector(float[] user, float[] matrix, int offset) {
        int dims = user.length;
        int lanes = SPECIES.length();
        int vectorDims = dims - dims % lanes;
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int d = 0; d < vectorDims; d += lanes) {
            acc = FloatVector.fromArray(SPECIES, user, d).fma(FloatVector.fromArray(SPECIES, matrix, offset + d), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (int d = vectorDims; d < dims; d++) {
            sum += user[d] * matrix[offset + d];
        }
        return sum;
    }

    /** The best k scores whose slot is not excluded, best first. */
    static int[] top(float[] scores, int rows, int k, boolean[] excluded) {
        TopN top = new TopN(k);
        double threshold = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < rows; row++) {
            float score = scores[row];
            if (score > threshold && !excluded[row]) {
                top.offer(row, score);
                if (top.size() == k) {
                    threshold = top.lowestScore();
                }
            }
        }
        return top.slotsBestFirst();
    }
}
