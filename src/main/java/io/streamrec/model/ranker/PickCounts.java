package io.streamrec.model.ranker;

import java.util.Arrays;

/**
 * Counts of picks the ranker's trainer keeps beside its steps and publishes with its weights
 * ({@link NewUserPicks}, {@link YoungUserPicks}): immutable, equal when their counts are.
 */
abstract class PickCounts {
    final long[] counts;

    PickCounts(long[] counts) {
        this.counts = counts;
    }

    /** {@code counts} padded with zeros to {@code length} (a writer may have counted fewer); refused when one is negative. */
    static long[] padded(long[] counts, int length, String what) {
        long[] all = Arrays.copyOf(counts, length);
        for (long count : all) {
            if (count < 0) {
                throw new IllegalArgumentException(what + " counts cannot be negative: " + Arrays.toString(counts));
            }
        }
        return all;
    }

    /** Refuses a memory (the count at which counts halve) below 1. */
    static void requireMemory(long memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("the picks remembered must be at least 1: " + memory);
        }
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(counts, ((PickCounts) other).counts);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(counts);
    }
}
