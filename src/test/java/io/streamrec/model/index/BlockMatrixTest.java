package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.VectorMath;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockMatrixTest {
    // 8,192 dimensions: 8 rows per block, so a few rows cross several block boundaries.
    private static final int DIMENSIONS = 8_192;

    @Test
    void rowsKeepTheirValuesAcrossBlocksAndDotsAgreeBitForBitWithAFlatMatrix() {
        BlockMatrix matrix = new BlockMatrix(DIMENSIONS);
        Random random = new Random(3);
        int rows = 37;
        float[] flat = new float[rows * DIMENSIONS];
        for (int row = 0; row < rows; row++) {
            matrix.ensureRows(row + 1);
            float[] vector = new float[DIMENSIONS];
            for (int i = 0; i < DIMENSIONS; i++) {
                vector[i] = (float) random.nextGaussian();
            }
            matrix.set(row, vector);
            System.arraycopy(vector, 0, flat, row * DIMENSIONS, DIMENSIONS);
        }
        matrix.ensureRows(rows + 20);
        float[] user = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            user[i] = (float) random.nextGaussian();
        }
        int[] order = new int[rows];
        for (int row = 0; row < rows; row++) {
            order[row] = rows - 1 - row;
            assertThat(matrix.rowEquals(row, Arrays.copyOfRange(flat, row * DIMENSIONS,
                    (row + 1) * DIMENSIONS))).isTrue();
        }
        float[] out = new float[rows];
        matrix.dots(user, order, rows, out);
        float[][] users = {user, null, user, user, user, user};
        for (int k = 0; k < rows; k++) {
            float expected = VectorMath.dotRow(user, flat, order[k]);
            assertThat(matrix.dot(user, order[k])).isEqualTo(expected);
            assertThat(out[k]).isEqualTo(expected);
            float[] each = new float[users.length];
            matrix.dots(users, order[k], each);
            assertThat(each).containsExactly(expected, 0f, expected, expected, expected, expected);
        }
        matrix.clear(5);
        assertThat(matrix.copy(5)).containsOnly(0f);
    }
}
