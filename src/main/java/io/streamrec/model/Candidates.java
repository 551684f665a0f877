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
    private static final long EXCLUDED = 1L << 31;
    private static final long POSITION = EXCLUDED - 1;
    private static final long NO_POSITION = POSITION;
    /**
     * Per slot, this pass's stamp (high 32 bits), an excluded flag and the slot's position among
     * the candidates (NO_POSITION for none), packed so the co-visitation loop, which visits
     * thousands of neighbours per list, answers "excluded? where?" with one load. A mark with an
     * older stamp means neither.
     */
    private long[] mark = new long[0];
    private long stampBits;
    private int stamp;

    Candidates begin(int slotCount) {
        if (mark.length < slotCount) {
            mark = Arrays.copyOf(mark, Math.max(slotCount, mark.length * 2));
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 1;
        }
        stampBits = (long) stamp << 32;
        size = 0;
        return this;
    }

    /** Marks a slot as never to be shown in this pass; a negative slot (unknown item) is ignored. */
    void exclude(int slot) {
        if (slot >= 0) {
            long m = mark[slot];
            mark[slot] = ((m >>> 32) == stamp ? m : stampBits | NO_POSITION) | EXCLUDED;
        }
    }

    boolean excluded(int slot) {
        return (mark[slot] & (-1L << 31)) == (stampBits | EXCLUDED);
    }

    /** Adds the slot unless it is excluded: its position, or -1 when excluded. */
    int addUnlessExcluded(int slot) {
        long m = mark[slot];
        if ((m >>> 32) == stamp) {
            if ((m & EXCLUDED) != 0) {
                return -1;
            }
            if ((m & POSITION) != NO_POSITION) {
                return (int) (m & POSITION);
            }
        }
        return append(slot, 0);
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
                setPosition(slots[k], NO_POSITION);
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
        setPosition(slots[to], to);
    }

    /** Keeps the slot's stamp and excluded flag, replaces its position. */
    private void setPosition(int slot, long position) {
        long m = mark[slot];
        mark[slot] = stampBits | ((m >>> 32) == stamp ? m & EXCLUDED : 0) | position;
    }

    /** Adds the slot once (excluded or not: admission checks that); returns its position. */
    int add(int slot) {
        long m = mark[slot];
        if ((m >>> 32) == stamp && (m & POSITION) != NO_POSITION) {
            return (int) (m & POSITION);
        }
        return append(slot, (m >>> 32) == stamp ? m & EXCLUDED : 0);
    }

    /**
     * A new candidate. Only the co-visitation fields start at zero: admission, embedding and
     * popularity are written for every candidate before they are read.
     */
    private int append(int slot, long excludedFlag) {
        if (size == slots.length) {
            grow();
        }
        mark[slot] = stampBits | excludedFlag | size;
        slots[size] = slot;
        coVisitation[size] = 0f;
        strongest[size] = 0f;
        coVisitedFrom[size] = 0;
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
