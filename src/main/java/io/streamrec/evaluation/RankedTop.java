package io.streamrec.evaluation;

/**
 * The n best items by (primary, secondary) score, ties going to the lower id, so baseline lists
 * are deterministic. A min-heap: each rejected candidate costs one comparison.
 */
final class RankedTop {
    private final int[] items;
    private final double[] primary;
    private final double[] secondary;
    private int size;

    RankedTop(int n) {
        items = new int[n];
        primary = new double[n];
        secondary = new double[n];
    }

    void offer(int item, double first, double second) {
        if (size < items.length) {
            put(size, item, first, second);
            siftUp(size++);
        } else if (better(first, second, item, 0)) {
            put(0, item, first, second);
            siftDown(0);
        }
    }

    /** The admitted items, best first. */
    int[] bestFirst() {
        int[] out = new int[size];
        int n = size;
        while (size > 0) {
            out[--size] = items[0];
            put(0, items[size], primary[size], secondary[size]);
            siftDown(0);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private boolean better(double first, double second, int item, int slot) {
        if (first != primary[slot]) {
            return first > primary[slot];
        }
        if (second != secondary[slot]) {
            return second > secondary[slot];
        }
        return item < items[slot];
    }

    private void put(int slot, int item, double first, double second) {
        items[slot] = item;
        primary[slot] = first;
        secondary[slot] = second;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(primary[parent], secondary[parent], items[parent], i)) {
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
            int worst = i;
            if (left < size && better(primary[worst], secondary[worst], items[worst], left)) {
                worst = left;
            }
            if (right < size && better(primary[worst], secondary[worst], items[worst], right)) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        double first = primary[a];
        double second = secondary[a];
        put(a, items[b], primary[b], secondary[b]);
        put(b, item, first, second);
    }
}
