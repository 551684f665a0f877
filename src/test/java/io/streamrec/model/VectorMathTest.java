package io.streamrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorMathTest {
    @Test
    void dotAndRowDotAgree() {
        float[] a = {1, 2, 3};
        float[] matrix = {0, 0, 0, 4, 5, 6};
        assertThat(VectorMath.dot(a, new float[] {4, 5, 6})).isEqualTo(32f);
        assertThat(VectorMath.dotRow(a, matrix, 1)).isEqualTo(32f);
        assertThat(VectorMath.dotRow(a, matrix, 0)).isZero();
    }

    @Test
    void axpyAddsScaledVector() {
        float[] y = {1, 1};
        VectorMath.axpy(2f, new float[] {1, -1}, y);
        assertThat(y).containsExactly(3f, -1f);
    }

    @Test
    void cosineIsZeroForZeroVectorsAndOneForParallel() {
        assertThat(VectorMath.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
        assertThat(VectorMath.cosine(new float[] {1, 2}, new float[] {2, 4})).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void sigmoidAndFiniteness() {
        assertThat(VectorMath.sigmoid(0)).isEqualTo(0.5);
        assertThat(VectorMath.allFinite(new float[] {1, Float.NaN})).isFalse();
        assertThat(VectorMath.allFinite(new float[] {1, 2})).isTrue();
    }
}
