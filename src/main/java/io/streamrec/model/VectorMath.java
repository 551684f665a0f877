package io.streamrec.model;

/** The few vector operations the model needs, on plain float arrays so they can be tested alone. */
public final class VectorMath {
    private VectorMath() {}

    public static float dot(float[] a, float[] b) {
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Dot product of {@code a} with row {@code row} of a row-major matrix with {@code a.length} columns. */
    public static float dotRow(float[] a, float[] matrix, int row) {
        int offset = row * a.length;
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * matrix[offset + i];
        }
        return sum;
    }

    /** y += alpha * x */
    public static void axpy(float alpha, float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    public static float norm(float[] a) {
        return (float) Math.sqrt(dot(a, a));
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static float cosine(float[] a, float[] b) {
        float na = norm(a);
        float nb = norm(b);
        return na == 0f || nb == 0f ? 0f : dot(a, b) / (na * nb);
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    public static boolean allFinite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
