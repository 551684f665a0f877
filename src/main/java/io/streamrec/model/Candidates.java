package io.streamrec.model;

import java.util.Arrays;

/**
 * The items one recommendation pass scores, with their per-signal values, held in arrays that
 * are reused across passes: only candidates are touched, never the whole catalogue.
 */
final class Candidates {
    int size;
    int[] slots = new int[64];
    float[] coVisitation = new float[64];
    float[] strongest = new float[64];
    int[] coVisitedFrom = new int[64];
    float[] embedding = new float[64];
    double[] popularity = new double[64];
    double[] score = new double[64];
    boolean[] admitted = new boolean[64];
    ScoredItem.Source[] source = new ScoredItem.Source[64];
    private float[] selection = new float[64];
    /** position of a slot in this pass is valid when stampOf[slot] == stamp. */
    private int[] stampOf = new int[0];
    private int[] positionOf = new int[0];
    private int[] excludedStamp = new int[0];
    private int stamp;

    Candidates begin(int slotCount) {
        if (stampOf.length < slotCount) {
            stampOf = Arrays.copyOf(stampOf, Math.max(slotCount, stampOf.length * 2));
            positionOf = Arrays.copyOf(positionOf, stampOf.length);
            excludedStamp = Arrays.copyOf(excludedStamp, stampOf.length);
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stampOf, 0);
            Arrays.fill(excludedStamp, 0);
            stamp = 1;
        }
        size = 0;
        return this;
    }

    /** Marks a slot as never to be shown in this pass; a negative slot (unknown item) is ignored. */
    void exclude(int slot) {
        if (slot >= 0) {
            excludedStamp[slot] = stamp;
        }
    }

    boolean excluded(int slot) {
        return excludedStamp[slot] == stamp;
    }

    /**
     * Keeps the {@code limit} candidates with the highest co-visitation (ties at the cut stay),
     * so the cost of scoring does not grow with the window and the neighbour count.
     */
    void keepBestCoVisited(int limit) {
        if (size <= limit) {
            return;
        }
        if (selection.length < size) {
            selection = new float[slots.length];
        }
        System.arraycopy(coVisitation, 0, selection, 0, size);
        float threshold = kthLargest(selection, size, limit);
        int kept = 0;
        for (int k = 0; k < size; k++) {
            if (coVisitation[k] >= threshold) {
                move(k, kept++);
            } else {
                stampOf[slots[k]] = 0;
            }
        }
        size = kept;
    }

    /** Quickselect: the k-th largest of the first n values (reorders them), expected O(n). */
    static float kthLargest(float[] values, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            float pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] > pivot) {
                    i++;
                }
                while (values[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }

    private void move(int from, int to) {
        slots[to] = slots[from];
        coVisitation[to] = coVisitation[from];
        strongest[to] = strongest[from];
        coVisitedFrom[to] = coVisitedFrom[from];
        positionOf[slots[to]] = to;
    }

    /** Adds the slot once; returns its position. */
    int add(int slot) {
        if (stampOf[slot] == stamp) {
            return positionOf[slot];
        }
        if (size == slots.length) {
            grow();
        }
        stampOf[slot] = stamp;
        positionOf[slot] = size;
        slots[size] = slot;
        coVisitation[size] = 0f;
        strongest[size] = 0f;
        coVisitedFrom[size] = 0;
        embedding[size] = 0f;
        popularity[size] = 0;
        admitted[size] = false;
        return size++;
    }

    private void grow() {
        int capacity = slots.length * 2;
        slots = Arrays.copyOf(slots, capacity);
        coVisitation = Arrays.copyOf(coVisitation, capacity);
        strongest = Arrays.copyOf(strongest, capacity);
        coVisitedFrom = Arrays.copyOf(coVisitedFrom, capacity);
        embedding = Arrays.copyOf(embedding, capacity);
        popularity = Arrays.copyOf(popularity, capacity);
        score = Arrays.copyOf(score, capacity);
        admitted = Arrays.copyOf(admitted, capacity);
        source = Arrays.copyOf(source, capacity);
    }
}
