package io.streamrec.model.ranking;

import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.ranker.RankerFeatures;
import java.util.Arrays;

/**
 * The items one recommendation pass scores, with their per-signal values, held in arrays that
 * are reused across passes: only candidates are touched, never the whole catalogue.
 */
final class Candidates {
    int size;
    int[] slots = new int[64];
    float[] coVisitation = new float[64];
    int[] coVisitedFrom = new int[64];
    float[] embedding = new float[64];
    double[] popularity = new double[64];
    double[] score = new double[64];
    boolean[] admitted = new boolean[64];
    /** The learned ranker's features, {@link RankerFeatures#COUNT} per candidate; grown on demand. */
    private float[] features = new float[0];
    private float[] newest = new float[0];
    private static final long EXCLUDED = 1L << 31;
    private static final long POSITION = EXCLUDED - 1;
    private static final long NO_POSITION = POSITION;
    /**
     * Per slot, this pass's stamp (high 32 bits), an excluded flag and the slot's position among
     * the candidates (NO_POSITION for none), packed in one long. A mark with an older stamp means
     * neither.
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

    /** Adds the slot once (excluded or not: admission checks that); returns its position. */
    int add(int slot) {
        long m = mark[slot];
        int position = positionOf(m);
        if (position >= 0) {
            return position;
        }
        return append(slot, (m >>> 32) == stamp ? m & EXCLUDED : 0);
    }

    /** The slot's position among the candidates of this pass, or -1. */
    int position(int slot) {
        return slot < 0 || slot >= mark.length ? -1 : positionOf(mark[slot]);
    }

    /** Room for every candidate's features, in candidate order. */
    float[] features() {
        int needed = size * RankerFeatures.COUNT;
        if (features.length < needed) {
            features = new float[Math.max(needed, features.length * 2)];
        }
        return features;
    }

    /**
     * Each candidate's co-visitation with the one item {@code anchor} (0 for none, and for all when
     * the anchor is -1), on the same cosine as the list's co-visitation up to a constant factor.
     */
    float[] coVisitationNewest(int anchor, ItemIndex.Snapshot snapshot) {
        if (newest.length < size) {
            newest = new float[Math.max(size, newest.length * 2)];
        }
        Arrays.fill(newest, 0, size, 0f);
        if (anchor >= 0) {
            int[] neighbours = snapshot.neighbourSlots(anchor);
            float[] weights = snapshot.neighbourWeights(anchor);
            for (int k = 0; k < snapshot.neighbourCount(anchor); k++) {
                int position = position(neighbours[k]);
                if (position >= 0) {
                    newest[position] = (float) (weights[k] * snapshot.inverseSqrtUsers(neighbours[k]));
                }
            }
        }
        return newest;
    }

    /**
     * Where the admitted candidate at {@code pick} lands by {@link #score} on average, ties broken at
     * random (a list keeps tied items in no particular order): sparse logs tie many items on a few
     * distinct users, and counting a tie as a hit would credit a list with picks it does not show.
     */
    double expectedPosition(int pick) {
        return expectedPosition(score, admitted, size, pick);
    }

    /** {@link #expectedPosition(int)} among the first {@code size} of {@code scores}, those {@code admitted} (null: all). */
    static double expectedPosition(double[] scores, boolean[] admitted, int size, int pick) {
        int above = 0;
        int tied = 0;
        for (int j = 0; j < size; j++) {
            if ((admitted == null || admitted[j]) && j != pick) {
                above += scores[j] > scores[pick] ? 1 : 0;
                tied += scores[j] == scores[pick] ? 1 : 0;
            }
        }
        return above + tied / 2.0;
    }

    /** The slot's position among the candidates, or -1. */
    private int positionOf(long m) {
        return (m >>> 32) != stamp || (m & POSITION) == NO_POSITION ? -1 : (int) (m & POSITION);
    }

    /**
     * A co-visited candidate with its sum and the recent item that gave it most; only for slots
     * that are neither candidates nor excluded yet ({@link CoVisitSums#appendBest}).
     */
    void appendCoVisited(int slot, float coVisitationSum, int from) {
        int k = append(slot, 0);
        coVisitation[k] = coVisitationSum;
        coVisitedFrom[k] = from;
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
        coVisitedFrom[size] = 0;
        return size++;
    }

    private void grow() {
        int capacity = slots.length * 2;
        slots = Arrays.copyOf(slots, capacity);
        coVisitation = Arrays.copyOf(coVisitation, capacity);
        coVisitedFrom = Arrays.copyOf(coVisitedFrom, capacity);
        embedding = Arrays.copyOf(embedding, capacity);
        popularity = Arrays.copyOf(popularity, capacity);
        score = Arrays.copyOf(score, capacity);
        admitted = Arrays.copyOf(admitted, capacity);
    }
}
