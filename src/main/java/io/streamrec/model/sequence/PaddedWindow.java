package io.streamrec.model.sequence;

import java.util.Arrays;

/** The L rows a GRU reads: the last L known rows of a sequence, oldest first, padded on the left. */
final class PaddedWindow {
    private PaddedWindow() {}

    /**
     * Fills all of {@code out} (length L) from the first {@code count} entries of {@code rows},
     * oldest first; rows below 1 (items the model does not know) are skipped.
     */
    static void fill(int[] rows, int count, int[] out) {
        int filled = 0;
        for (int i = count - 1; i >= 0 && filled < out.length; i--) {
            if (rows[i] >= 1) {
                out[out.length - 1 - filled++] = rows[i];
            }
        }
        Arrays.fill(out, 0, out.length - filled, ItemRows.PADDING);
    }
}
