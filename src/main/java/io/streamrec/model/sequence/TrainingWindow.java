package io.streamrec.model.sequence;

import java.util.Random;

/**
 * The most recent training examples, a ring: each is the user's last L item rows (oldest first,
 * padded on the left with row 0) and the row that came next. Mini-batches are drawn from it at
 * random, so an example counts in several steps while it is recent and none once it is old.
 */
final class TrainingWindow {
    private final int length;
    private final int[] sequences;
    private final int[] targets;
    /** How many examples of the window have each row as their next item. */
    private int[] targetCounts = new int[16];
    private int size;
    private int next;

    TrainingWindow(int capacity, int length) {
        this.length = length;
        this.sequences = new int[capacity * length];
        this.targets = new int[capacity];
    }

    int size() {
        return size;
    }

    /** Adds an example; {@code window} holds exactly L rows, oldest first. */
    void add(int[] window, int target) {
        if (size == targets.length) {
            targetCounts[targets[next]]--;
        }
        if (target >= targetCounts.length) {
            targetCounts = java.util.Arrays.copyOf(targetCounts, Math.max(target + 1, 2 * targetCounts.length));
        }
        targetCounts[target]++;
        System.arraycopy(window, 0, sequences, next * length, length);
        targets[next] = target;
        next = (next + 1) % targets.length;
        size = Math.min(size + 1, targets.length);
    }

    /** The share of the window's examples whose next item is {@code row}: how often a draw yields it. */
    double targetShare(int row) {
        return row < targetCounts.length ? targetCounts[row] / (double) size : 0;
    }

    /**
     * Fills {@code sequenceOut} (batch x L) and the first {@code batch} of {@code targetOut}: the
     * {@code newest} examples added last (at most the window's size, at most the batch), then
     * examples drawn uniformly, with replacement, from a window that holds at least one. So every
     * example is learned in the step after it arrives, and replayed while it stays recent.
     */
    void sample(Random random, int batch, int newest, int[] sequenceOut, int[] targetOut) {
        int fresh = Math.min(Math.min(newest, size), batch);
        for (int b = 0; b < batch; b++) {
            int at = b < fresh ? Math.floorMod(next - 1 - b, targets.length) : random.nextInt(size);
            System.arraycopy(sequences, at * length, sequenceOut, b * length, length);
            targetOut[b] = targets[at];
        }
    }
}
