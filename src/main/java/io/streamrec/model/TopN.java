package io.streamrec.model;

import java.util.Arrays;

/**
 * Keeps the n best (slot, score) pairs seen so far in a min-heap, so selecting the top n of m
 * candidates costs O(m log n) and allocates nothing per candidate.
 */
public final class TopN {
    private final int[] slots;
    private final double[] scores;
    private int size;

    public TopN(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        slots = new int[n];
        scores = new double[n];
    }

    public void offer(int slot, double score) {
        if (size < slots.length) {
            slots[size] = slot;
            scores[size] = score;
            siftUp(size++);
        } else if (score > scores[0]) {
            slots[0] = slot;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The admitted slots, best first; ties keep no particular order. Empties the heap. */
    public int[] slotsBestFirst() {
        int[] result = new int[size];
        // Popping the minimum fills the result from the back: O(n log n) with no boxing.
        while (size > 0) {
            result[size - 1] = slots[0];
            size--;
            slots[0] = slots[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return result;
    }

    /** The lowest admitted score: what a newcomer must beat once the heap is full. */
    public double lowestScore() {
        return size == 0 ? Double.NEGATIVE_INFINITY : scores[0];
    }

    public int size() {
        return size;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (scores[i] >= scores[parent]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int smallest = i;
            if (left < size && scores[left] < scores[smallest]) {
                smallest = left;
            }
            if (right < size && scores[right] < scores[smallest]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        int s = slots[a];
        slots[a] = slots[b];
        slots[b] = s;
        double d = scores[a];
        scores[a] = scores[b];
        scores[b] = d;
    }
}
