package io.streamrec.model.index;

import io.streamrec.model.VectorMath;
import java.util.Arrays;

/**
 * A row-major float matrix kept in blocks of a fixed number of rows (about 256 KB each), one row
 * per item slot. One flat array grown by doubling held up to twice the rows in use (at 100k items
 * of 64 dimensions, 79 bytes per item unused), needed the old and the new array at once while
 * growing, and was a humongous G1 object whose last region is wasted; blocks never move, and only
 * the last one grows (by doubling, so a small index stays small). Each row is contiguous, so every
 * dot product sums in the same order as over a flat matrix, bit for bit.
 */
final class BlockMatrix {
    private static final int FLOATS_PER_BLOCK = 1 << 16;
    /** Rows a new last block starts with. */
    private static final int FIRST_ROWS = 16;
    private final int dimensions;
    private final int shift;
    private final int mask;
    private float[][] blocks = new float[1][];
    private int lastBlock;

    BlockMatrix(int dimensions) {
        this.dimensions = dimensions;
        this.shift = Integer.numberOfTrailingZeros(Integer.highestOneBit(Math.max(1, FLOATS_PER_BLOCK / dimensions)));
        this.mask = (1 << shift) - 1;
        blocks[0] = new float[Math.min(FIRST_ROWS, 1 << shift) * dimensions];
    }

    /** Makes room for rows 0..rows-1. */
    void ensureRows(int rows) {
        if (rows == 0) {
            return;
        }
        int last = (rows - 1) >>> shift;
        int full = (1 << shift) * dimensions;
        int needed = (((rows - 1) & mask) + 1) * dimensions;
        if (last > lastBlock) {
            if (last >= blocks.length) {
                blocks = Arrays.copyOf(blocks, Math.max(last + 1, blocks.length * 2));
            }
            // Every block before the last is full.
            blocks[lastBlock] = Arrays.copyOf(blocks[lastBlock], full);
            for (int b = lastBlock + 1; b < last; b++) {
                blocks[b] = new float[full];
            }
            blocks[last] = new float[Math.min(full, Math.max(needed, FIRST_ROWS * dimensions))];
            lastBlock = last;
        } else if (blocks[last].length < needed) {
            blocks[last] = Arrays.copyOf(blocks[last], Math.min(full, Math.max(needed, blocks[last].length * 2)));
        }
    }

    /** The block holding {@code row}; its values start at {@link #offset}. */
    float[] block(int row) {
        return blocks[row >>> shift];
    }

    int offset(int row) {
        return (row & mask) * dimensions;
    }

    void set(int row, float[] vector) {
        System.arraycopy(vector, 0, block(row), offset(row), dimensions);
    }

    boolean rowEquals(int row, float[] vector) {
        int offset = offset(row);
        return Arrays.equals(vector, 0, dimensions, block(row), offset, offset + dimensions);
    }

    void clear(int row) {
        int offset = offset(row);
        Arrays.fill(block(row), offset, offset + dimensions, 0f);
    }

    void copy(int row, float[] out) {
        System.arraycopy(block(row), offset(row), out, 0, dimensions);
    }

    float[] copy(int row) {
        int offset = offset(row);
        return Arrays.copyOfRange(block(row), offset, offset + dimensions);
    }

    /** Adds to {@code out} the mean of the rows, each weighted by its (positive) weight. */
    void addWeightedMean(int[] rows, float[] weights, float[] out) {
        float[] mean = new float[dimensions];
        float total = 0f;
        for (int i = 0; i < rows.length; i++) {
            float w = weights[i];
            float[] block = block(rows[i]);
            int offset = offset(rows[i]);
            for (int d = 0; d < dimensions; d++) {
                mean[d] += w * block[offset + d];
            }
            total += w;
        }
        VectorMath.axpy(1f / total, mean, out);
    }

    float dot(float[] user, int row) {
        return VectorMath.dotRow(user, block(row), row & mask);
    }

    /**
     * {@code out[k] = dot(user, rows[k])} for k below count, each bit-identical to {@link #dot}:
     * four rows are summed side by side, each in its own order, so the adds of different rows
     * overlap instead of waiting on one another.
     */
    void dots(float[] user, int[] rows, int count, float[] out) {
        int d = user.length;
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            float[] m0 = block(rows[k]);
            float[] m1 = block(rows[k + 1]);
            float[] m2 = block(rows[k + 2]);
            float[] m3 = block(rows[k + 3]);
            int o0 = offset(rows[k]);
            int o1 = offset(rows[k + 1]);
            int o2 = offset(rows[k + 2]);
            int o3 = offset(rows[k + 3]);
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int i = 0; i < d; i++) {
                float u = user[i];
                s0 += u * m0[o0 + i];
                s1 += u * m1[o1 + i];
                s2 += u * m2[o2 + i];
                s3 += u * m3[o3 + i];
            }
            out[k] = s0;
            out[k + 1] = s1;
            out[k + 2] = s2;
            out[k + 3] = s3;
        }
        for (; k < count; k++) {
            out[k] = dot(user, rows[k]);
        }
    }

    /** {@code out[r] = dot(vectors[r], row)} for every non-null vector, bit-identical to {@link #dot}. */
    void dots(float[][] vectors, int row, float[] out) {
        float[] matrix = block(row);
        int offset = offset(row);
        int r = 0;
        for (; r + 4 <= vectors.length; r += 4) {
            float[] a = vectors[r];
            float[] b = vectors[r + 1];
            float[] c = vectors[r + 2];
            float[] e = vectors[r + 3];
            if (a == null || b == null || c == null || e == null) {
                for (int q = r; q < r + 4; q++) {
                    if (vectors[q] != null) {
                        out[q] = dot(vectors[q], row);
                    }
                }
                continue;
            }
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int i = 0; i < a.length; i++) {
                float m = matrix[offset + i];
                s0 += a[i] * m;
                s1 += b[i] * m;
                s2 += c[i] * m;
                s3 += e[i] * m;
            }
            out[r] = s0;
            out[r + 1] = s1;
            out[r + 2] = s2;
            out[r + 3] = s3;
        }
        for (; r < vectors.length; r++) {
            if (vectors[r] != null) {
                out[r] = dot(vectors[r], row);
            }
        }
    }
}
