package io.streamrec.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The N of the live HR@N figures: 10 and 20 as the offline evaluation reports them, and the
 * length of the emitted list (what a consumer of the topic sees), each at most that length.
 */
record HitCutoffs(int[] values, int primary) {
    static HitCutoffs forListSize(int listSize) {
        int[] values = IntStream.of(10, 20, listSize).filter(n -> n <= listSize).distinct().sorted().toArray();
        return new HitCutoffs(values, Math.min(20, listSize));
    }

    int size() {
        return values.length;
    }

    int at(int i) {
        return values[i];
    }

    int indexOfPrimary() {
        return Arrays.binarySearch(values, primary);
    }
}
