package io.streamrec.model.sequence;

import java.util.Arrays;
import java.util.Random;

/**
 * Parameters in rows of equal width (row-major floats) with Adam's moments, updated lazily: a
 * step touches only the rows that received a gradient since the previous step, so its cost
 * follows the batch, not the catalogue (the "lazy Adam" of large embedding tables). A dense
 * weight matrix is a table of one row. Rows can be added by growing, which copies the existing
 * rows, their moments included, unchanged.
 */
final class ParameterTable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final int width;
    private float[] values;
    private float[] firstMoment;
    private float[] secondMoment;
    private float[] gradient;
    private boolean[] touched;
    private int[] touchedRows;
    private int touchedCount;

    /** @param values rows x width initial values, owned by the table from now on */
    ParameterTable(int width, float[] values) {
        if (width < 1 || values.length % width != 0) {
            throw new IllegalArgumentException(values.length + " values do not make rows of " + width);
        }
        this.width = width;
        this.values = values;
        int rows = values.length / width;
        firstMoment = new float[values.length];
        secondMoment = new float[values.length];
        gradient = new float[values.length];
        touched = new boolean[rows];
        touchedRows = new int[Math.min(rows, 1024)];
    }

    int width() {
        return width;
    }

    int rows() {
        return values.length / width;
    }

    /** Copies a row into {@code out} at {@code offset}. */
    void copyRow(int row, float[] out, int offset) {
        System.arraycopy(values, row * width, out, offset, width);
    }

    /** A copy of the first {@code rows} rows. */
    float[] copyOfRows(int rows) {
        return Arrays.copyOf(values, rows * width);
    }

    /** Adds {@code width} floats of {@code source} from {@code offset} to the pending gradient of a row. */
    void addGradient(int row, float[] source, int offset) {
        if (!touched[row]) {
            touched[row] = true;
            if (touchedCount == touchedRows.length) {
                touchedRows = Arrays.copyOf(touchedRows, touchedRows.length * 2);
            }
            touchedRows[touchedCount++] = row;
        }
        for (int j = 0, at = row * width; j < width; j++) {
            gradient[at + j] += source[offset + j];
        }
    }

    /** One Adam step (step number {@code t} >= 1) on every row with a pending gradient, which it then clears. */
    void adamStep(double learningRate, long t) {
        float correction1 = (float) (1 - Math.pow(BETA1, t));
        float correction2 = (float) (1 - Math.pow(BETA2, t));
        float rate = (float) learningRate;
        for (int i = 0; i < touchedCount; i++) {
            int row = touchedRows[i];
            touched[row] = false;
            for (int at = row * width, end = at + width; at < end; at++) {
                float g = gradient[at];
                gradient[at] = 0;
                firstMoment[at] = BETA1 * firstMoment[at] + (1 - BETA1) * g;
                secondMoment[at] = BETA2 * secondMoment[at] + (1 - BETA2) * g * g;
                float mHat = firstMoment[at] / correction1;
                float vHat = secondMoment[at] / correction2;
                values[at] -= rate * mHat / ((float) Math.sqrt(vHat) + EPSILON);
            }
        }
        touchedCount = 0;
    }

    /** Room for {@code rows} rows; the new ones drawn from N(0, std) with {@code random}. */
    void grow(int rows, Random random, float std) {
        int old = values.length;
        values = Arrays.copyOf(values, rows * width);
        for (int i = old; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        firstMoment = Arrays.copyOf(firstMoment, values.length);
        secondMoment = Arrays.copyOf(secondMoment, values.length);
        gradient = Arrays.copyOf(gradient, values.length);
        touched = Arrays.copyOf(touched, rows);
    }
}
