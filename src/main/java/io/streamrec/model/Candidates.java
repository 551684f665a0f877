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
    private float[] selection = new float[64];
    private static final int BUCKET_BITS = 11;
    private final int[] histogram = new int[1 << BUCKET_BITS];
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

    /**
     * Adds co-visitation from the window's {@code from}-th item to a slot, making it a candidate
     * if it is not one yet; an excluded slot is left alone. Only before {@link #keepBestCoVisited}:
     * until the cut every position a mark holds is live, so no check against the slots is needed.
     * One load of the mark answers both "excluded?" and "where?": this runs for every neighbour of
     * every recent item, thousands of times per list.
     */
    void coVisit(int slot, float similarity, int from) {
        long m = mark[slot];
        if ((m >>> 32) == stamp && (m & EXCLUDED) != 0) {
            return;
        }
        if ((m >>> 32) == stamp && (m & POSITION) != NO_POSITION) {
            int at = (int) (m & POSITION);
            coVisitation[at] += similarity;
            if (similarity > strongest[at]) {
                strongest[at] = similarity;
                coVisitedFrom[at] = from;
            }
            return;
        }
        if (size == slots.length) {
            grow();
        }
        mark[slot] = stampBits | size;
        slots[size] = slot;
        boolean positive = similarity > 0f;
        coVisitation[size] = similarity;
        strongest[size] = positive ? similarity : 0f;
        coVisitedFrom[size] = positive ? from : 0;
        size++;
    }

    /**
     * Keeps the {@code limit} candidates with the highest co-visitation (ties at the cut stay),
     * so the cost of scoring does not grow with the window and the neighbour count. A dropped
     * slot's mark keeps its stale position; {@link #positionOf} tells it from a live one.
     */
    void keepBestCoVisited(int limit) {
        if (size <= limit) {
            return;
        }
        float threshold = kthLargest(coVisitation, size, limit);
        int kept = 0;
        for (int k = 0; k < size; k++) {
            if (coVisitation[k] >= threshold) {
                move(k, kept++);
            }
        }
        size = kept;
    }

    /**
     * The k-th largest of the first n values (1 <= k <= n), values left as they are: a histogram
     * of their top bits finds the bucket holding it in one pass, a quickselect over that bucket
     * alone the value. A quickselect over all values cost several passes of unpredictable branches.
     */
    float kthLargest(float[] values, int n, int k) {
        int highest = 0;
        for (int i = 0; i < n; i++) {
            int b = bucket(values[i]);
            histogram[b]++;
            highest = Math.max(highest, b);
        }
        int remaining = k;
        int b = highest;
        while (histogram[b] < remaining) {
            remaining -= histogram[b--];
        }
        Arrays.fill(histogram, 0, highest + 1, 0);
        if (selection.length < n) {
            selection = new float[Math.max(n, slots.length)];
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (bucket(values[i]) == b) {
                selection[m++] = values[i];
            }
        }
        return quickselect(selection, m, remaining);
    }

    /** The float's order-preserving bits, cut to {@link #BUCKET_BITS}: equal buckets, close values. */
    private static int bucket(float value) {
        int bits = Float.floatToRawIntBits(value);
        int ordered = bits ^ ((bits >> 31) & 0x7FFFFFFF);
        return (ordered >> (32 - BUCKET_BITS)) + (1 << (BUCKET_BITS - 1));
    }

    /** Quickselect: the k-th largest of the first n values (reorders them), expected O(n). */
    static float quickselect(float[] values, int n, int k) {
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
        int position = positionOf(slot, m);
        if (position >= 0) {
            return position;
        }
        return append(slot, (m >>> 32) == stamp ? m & EXCLUDED : 0);
    }

    /** The slot's position among the candidates, or -1: a position left by a dropped slot names another one now. */
    private int positionOf(int slot, long m) {
        if ((m >>> 32) != stamp || (m & POSITION) == NO_POSITION) {
            return -1;
        }
        int position = (int) (m & POSITION);
        return position < size && slots[position] == slot ? position : -1;
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
    }
}
