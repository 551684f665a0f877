package io.streamrec.model.ranking;

import io.streamrec.model.index.ItemIndex;
import java.util.Arrays;

/**
 * One list's co-visitation sums, dense by slot. Adding a neighbour's share is one load and one
 * store whatever the slot, with no branch on whether the pass reached the slot before: a list adds
 * about two thousand shares, and that branch went either way about as often. Only the slots a pass
 * reached are cleared before the next one, so a pass costs nothing proportional to the catalogue.
 */
final class CoVisitSums {
    private static final int BUCKET_BITS = 11;
    /**
     * Per slot: 0 until the pass reaches it, -infinity when the list must not show it (a share added
     * to it stays -infinity, so it is never reached).
     */
    private float[] sum = new float[0];
    /** The largest single share each slot got and from which recent item; written only when sources are kept. */
    private float[] strongest = new float[0];
    private int[] strongestFrom = new int[0];
    private boolean keepsSources;
    /** The slots reached, in the order first reached; one spare place per share still to come (see {@link #reserve}). */
    private int[] reached = new int[64];
    private int reachedCount;
    private int[] excluded = new int[64];
    private int excludedCount;
    private float[] values = new float[64];
    private float[] selection = new float[64];
    private final int[] histogram = new int[1 << BUCKET_BITS];

    /**
     * Clears the previous pass's slots (here, not at its end, so a pass that failed half-way
     * leaves nothing behind).
     *
     * @param keepsSources whether to note, per slot, which recent item gave it its largest share (for reasons)
     */
    CoVisitSums begin(int slotCount, boolean keepsSources) {
        for (int i = 0; i < reachedCount; i++) {
            sum[reached[i]] = 0f;
        }
        for (int i = 0; i < excludedCount; i++) {
            sum[excluded[i]] = 0f;
        }
        if (this.keepsSources) {
            // An excluded slot's share is noted too (only its sum ignores it), so both are cleared.
            for (int i = 0; i < reachedCount; i++) {
                strongest[reached[i]] = 0f;
            }
            for (int i = 0; i < excludedCount; i++) {
                strongest[excluded[i]] = 0f;
            }
        }
        reachedCount = 0;
        excludedCount = 0;
        if (sum.length < slotCount) {
            int capacity = Math.max(slotCount, sum.length * 2);
            sum = Arrays.copyOf(sum, capacity);
            strongest = Arrays.copyOf(strongest, capacity);
            strongestFrom = Arrays.copyOf(strongestFrom, capacity);
        }
        this.keepsSources = keepsSources;
        return this;
    }

    /** The slot gets no co-visitation in this pass; a negative slot (unknown item) is ignored. */
    void exclude(int slot) {
        if (slot >= 0 && sum[slot] != Float.NEGATIVE_INFINITY) {
            if (excludedCount == excluded.length) {
                excluded = Arrays.copyOf(excluded, excludedCount * 2);
            }
            excluded[excludedCount++] = slot;
            sum[slot] = Float.NEGATIVE_INFINITY;
        }
    }

    /** Room for {@code shares} more calls of {@link #add}, which writes a slot's place before it knows it is new. */
    void reserve(int shares) {
        if (reachedCount + shares > reached.length) {
            reached = Arrays.copyOf(reached, Math.max(reachedCount + shares, reached.length * 2));
        }
    }

    /**
     * cov[j] += decay^r * co(r, j) / sqrt(n_r * n_j) for each item r of the window (slots of the
     * newest items, 0 = newest; -1 for one the index lacks); items the list must not show stay excluded.
     */
    void addWindow(ItemIndex.Snapshot snapshot, int[] window, double recencyDecay) {
        double recency = 1;
        for (int r = 0; r < window.length; r++, recency *= recencyDecay) {
            int slot = window[r];
            if (slot < 0) {
                continue;
            }
            double sourceWeight = recency * snapshot.inverseSqrtUsers(slot);
            int count = snapshot.neighbourCount(slot);
            float[] weights = snapshot.neighbourWeights(slot);
            int[] neighbours = snapshot.neighbourSlots(slot);
            reserve(count);
            for (int k = 0; k < count; k++) {
                int neighbour = neighbours[k];
                if (neighbour >= 0) {
                    add(neighbour, (float) (sourceWeight * weights[k] * snapshot.inverseSqrtUsers(neighbour)), r);
                }
            }
        }
    }

    /**
     * Adds the {@code from}-th recent item's share to a slot. A share that is not positive says
     * nothing and is left out, so 0 can mean "not reached".
     */
    void add(int slot, float share, int from) {
        if (!(share > 0f)) {
            return;
        }
        float s = sum[slot];
        reached[reachedCount] = slot;
        reachedCount += s == 0f ? 1 : 0;
        sum[slot] = s + share;
        if (keepsSources && share > strongest[slot]) {
            strongest[slot] = share;
            strongestFrom[slot] = from;
        }
    }

    /** The slot's sum in this pass: 0 if it was not reached, -infinity if it was excluded. */
    float of(int slot) {
        return sum[slot];
    }

    /** Which recent item gave the slot its largest share (0 if none, or if sources are not kept). */
    int strongestFrom(int slot) {
        return keepsSources && strongest[slot] > 0f ? strongestFrom[slot] : 0;
    }

    /**
     * Appends the {@code limit} reached slots with the highest sums (all of them if no more were
     * reached; ties at the cut stay) to the candidates, in the order they were first reached: the
     * cost of scoring does not grow with the window and the neighbour count.
     */
    void appendBest(int limit, Candidates candidates) {
        int n = reachedCount;
        if (values.length < n) {
            values = new float[Math.max(n, values.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            values[i] = sum[reached[i]];
        }
        float threshold = n > limit ? kthLargest(values, n, limit) : Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (values[i] >= threshold) {
                int slot = reached[i];
                candidates.appendCoVisited(slot, values[i], strongestFrom(slot));
            }
        }
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
            selection = new float[Math.max(n, selection.length * 2)];
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
}
