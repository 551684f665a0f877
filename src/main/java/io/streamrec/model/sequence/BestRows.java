package io.streamrec.model.sequence;

/**
 * The k highest-scoring rows in caller-given arrays: a min-heap while offering, sorted best first
 * by {@link #drainBestFirst}. Ties go to the lower row. Allocates nothing.
 */
final class BestRows {
    private final int[] rows;
    private final float[] scores;
    private final int k;
    private int size;

    BestRows(int[] rows, float[] scores, int k) {
        if (rows.length < k || scores.length < k) {
            throw new IllegalArgumentException("room for " + Math.min(rows.length, scores.length) + " rows, k is " + k);
        }
        this.rows = rows;
        this.scores = scores;
        this.k = k;
    }

    void offer(int row, float score) {
        if (size < k) {
            rows[size] = row;
            scores[size] = score;
            siftUp(size++);
        } else if (k > 0 && better(row, score, 0)) {
            rows[0] = row;
            scores[0] = score;
            siftDown(0, size);
        }
    }

    /** Sorts the admitted rows best first in place (heap sort) and returns how many there are. */
    int drainBestFirst() {
        int n = size;
        for (int end = n - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
        size = 0;
        return n;
    }

    /** Whether (row, score) ranks above the entry at slot i. */
    private boolean better(int row, float score, int i) {
        return score > scores[i] || (score == scores[i] && row < rows[i]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(rows[parent], scores[parent], i)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i, int end) {
        while (true) {
            int left = 2 * i + 1;
            int worst = i;
            if (left < end && better(rows[worst], scores[worst], left)) {
                worst = left;
            }
            if (left + 1 < end && better(rows[worst], scores[worst], left + 1)) {
                worst = left + 1;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int row = rows[a];
        float score = scores[a];
        rows[a] = rows[b];
        scores[a] = scores[b];
        rows[b] = row;
        scores[b] = score;
    }
}
