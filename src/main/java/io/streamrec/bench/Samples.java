package io.streamrec.bench;

import java.util.Arrays;

/** Latency samples in microseconds: append from one thread, then percentiles over everything. */
final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized void addAll(Samples other) {
        long[] theirs;
        int count;
        synchronized (other) {
            theirs = other.values;
            count = other.size;
        }
        for (int i = 0; i < count; i++) {
            add(theirs[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-quantile (0..1) by nearest rank, in milliseconds; 0 when there are no samples. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1000.0;
    }

    synchronized double maxMs() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return max / 1000.0;
    }

    /** Drops everything, e.g. at the end of a progress interval. */
    synchronized void clear() {
        size = 0;
    }

    /** Milliseconds with the precision the measurement has: whole ms above 10, else 0.01 ms. */
    static String ms(double value) {
        return value >= 10 ? String.valueOf(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
