package io.streamrec.bench.jmh;

import io.streamrec.model.TopN;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One user's best k so far while the catalogue is scored block by block, so no whole score
 * row is ever kept. Once k items are held, most scores lose to the k-th best: a vector of
 * scores costs one compare against that threshold, and only a score that beats it is checked
 * against the exclusions and offered to the heap.
 */
final class RunningTop {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    private final int k;
    private final boolean[] excluded;
    private final TopN top;
    private float threshold = Float.NEGATIVE_INFINITY;

    RunningTop(int k, boolean[] excluded) {
        this.k = k;
        this.excluded = excluded;
        this.top = new TopN(k);
    }

    /** What a score must beat to enter: minus infinity until k items are held. */
    float threshold() {
        return threshold;
    }

    void offer(int row, float score) {
        if (score > threshold && !excluded[row]) {
            top.offer(row, score);
            if (top.size() == k) {
                threshold = (float) top.lowestScore();
            }
        }
    }

    /**
     * Offers the lanes of a vector of scores for rows {@code firstRow}, {@code firstRow + 1}, ...
     * below {@code rows}; the caller has already seen one of them beat the threshold.
     */
    void offerLanes(FloatVector scores, int firstRow, int rows) {
        int lanes = Math.min(scores.length(), rows - firstRow);
        for (int lane = 0; lane < lanes; lane++) {
            offer(firstRow + lane, scores.lane(lane));
        }
    }

    /** Offers {@code count} native-order floats of {@code scores} from byte {@code offset}, for rows from {@code firstRow}. */
    void scan(ByteBuffer scores, int offset, int firstRow, int count) {
        int lanes = SPECIES.length();
        int vectorCount = count - count % lanes;
        for (int i = 0; i < vectorCount; i += lanes) {
            FloatVector block = FloatVector.fromByteBuffer(SPECIES, scores, offset + i * Float.BYTES, NATIVE);
            if (block.compare(VectorOperators.GT, threshold).anyTrue()) {
                offerLanes(block, firstRow + i, firstRow + count);
            }
        }
        for (int i = vectorCount; i < count; i++) {
            offer(firstRow + i, scores.getFloat(offset + i * Float.BYTES));
        }
    }

    /** The held rows, best first; starts the user afresh for the next batch. */
    int[] drain() {
        int[] best = top.slotsBestFirst();
        threshold = Float.NEGATIVE_INFINITY;
        return best;
    }
}
