package io.streamrec.model.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    private static SequenceSnapshot snapshot() {
        int e = 3;
        int h = 2;
        String[] items = {"a", "bé", "c,d"};
        int rows = items.length + 1;
        return new SequenceSnapshot(17, e, h, 4, items, ramp(rows * e, 0.5f), ramp(e * 3 * h, -1f),
                ramp(h * 3 * h, 2f), ramp(3 * h, 0.25f), ramp(rows * h, -0.125f), ramp(rows, 3f));
    }

    private static float[] ramp(int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * (i + 1) / 7f;
        }
        return a;
    }

    @Test
    void aSnapshotReadBackFromItsBytesHasTheSameVersionItemsAndParameters() {
        SequenceSnapshot original = snapshot();
        SequenceSnapshot copy = SnapshotCodec.decode(SnapshotCodec.encode(original));
        assertThat(copy.version()).isEqualTo(17);
        assertThat(copy.embeddingDims()).isEqualTo(3);
        assertThat(copy.hiddenDims()).isEqualTo(2);
        assertThat(copy.length()).isEqualTo(4);
        assertThat(copy.items()).containsExactly("a", "bé", "c,d");
        assertThat(copy.rowOf("c,d")).isEqualTo(3);
        assertThat(copy.rowOf("zzz")).isEqualTo(-1);
        for (int i = 0; i < 6; i++) {
            assertThat(arrays(copy)[i]).as("array %d", i).containsExactly(arrays(original)[i]);
        }
        assertThat(SnapshotCodec.encode(copy)).isEqualTo(SnapshotCodec.encode(original));
    }

    @Test
    void aTrainedSnapshotSurvivesTheRoundTripAndScoresTheSame() {
        SequenceSnapshot trained = SequenceScorerTest.trainedOnNoise(25, 2);
        SequenceSnapshot copy = SnapshotCodec.decode(SnapshotCodec.encode(trained));
        float[] a = new float[trained.hiddenDims()];
        float[] b = new float[trained.hiddenDims()];
        new SequenceScorer(trained).hidden(new int[] {1, 2, 3}, 3, a);
        new SequenceScorer(copy).hidden(new int[] {1, 2, 3}, 3, b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void bytesOfAnotherKindOrCutShortAreRefusedWithAReason() {
        byte[] bytes = SnapshotCodec.encode(snapshot());
        assertThatThrownBy(() -> SnapshotCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertThatThrownBy(() -> SnapshotCodec.decode(foreign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a sequence model snapshot");
        byte[] newer = bytes.clone();
        newer[5] = 9;
        assertThatThrownBy(() -> SnapshotCodec.decode(newer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> SnapshotCodec.decode(longer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the snapshot");
    }

    private static float[][] arrays(SequenceSnapshot s) {
        return new float[][] {s.embedding(), s.inputWeights(), s.recurrentWeights(), s.gateBias(),
                s.outputEmbedding(), s.outputBias()};
    }
}
