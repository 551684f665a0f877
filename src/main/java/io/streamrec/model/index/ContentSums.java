package io.streamrec.model.index;

import io.streamrec.model.VectorMath;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content-start sums: per content key (each category and each tag), the sum and count of the
 * vectors of the items that have it, so a new item can start from the mean vector of the items
 * sharing its categories and tags.
 *
 * <p>What must hold: every occupied slot of the index counts, with its current matrix row, in the
 * sums of exactly its metadata's keys. The index therefore calls {@link #enter} after a row is
 * set, {@link #leave} before it is overwritten or cleared, and {@link #moveRow} before a row of an
 * item whose keys did not change is overwritten. Not thread-safe: written under the index's write
 * lock, read under either lock.
 */
final class ContentSums {
    private static final Sum[] NO_SUMS = new Sum[0];
    private final int dimensions;
    private final BlockMatrix matrix;
    private final Map<String, Sum> sums = new HashMap<>();
    /** Per slot, the sums its categories and tags feed (null while it counts in none). */
    private Sum[][] sumsOf = new Sum[16][];

    private static final class Sum {
        final float[] sum;
        int count;

        Sum(int dimensions) {
            sum = new float[dimensions];
        }
    }

    ContentSums(BlockMatrix matrix, int dimensions) {
        this.matrix = matrix;
        this.dimensions = dimensions;
    }

    void ensureCapacity(int capacity) {
        if (capacity > sumsOf.length) {
            sumsOf = Arrays.copyOf(sumsOf, capacity);
        }
    }

    /** Counts the slot's current row in the sums of {@code metadata}'s keys. */
    void enter(int slot, ItemMetadata metadata) {
        add(slot, metadata, 1f);
    }

    /** Takes the slot's current row out of the sums of {@code metadata}'s keys; nothing for null. */
    void leave(int slot, ItemMetadata metadata) {
        if (metadata != null) {
            add(slot, metadata, -1f);
        }
    }

    /** Moves the slot's sums by the change from its current row to {@code vector}, about to replace it. */
    void moveRow(int slot, float[] vector) {
        Sum[] fed = sumsOf[slot];
        if (fed == null) {
            return;
        }
        float[] block = matrix.block(slot);
        int offset = matrix.offset(slot);
        for (Sum sum : fed) {
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += vector[i] - block[offset + i];
            }
        }
    }

    /**
     * Adds to {@code vector} the mean, over the given categories and tags that some item has, of
     * the mean vector of the items having it; nothing when none has.
     */
    void addMean(List<String> categories, List<String> tags, float[] vector) {
        float[] mean = new float[dimensions];
        int count = 0;
        for (String key : keys(categories, tags)) {
            Sum sum = sums.get(key);
            if (sum != null && sum.count > 0) {
                VectorMath.axpy(1f / sum.count, sum.sum, mean);
                count++;
            }
        }
        if (count > 0) {
            VectorMath.axpy(1f / count, mean, vector);
        }
    }

    private void add(int slot, ItemMetadata metadata, float sign) {
        List<String> keys = keys(metadata.categories(), metadata.tags());
        Sum[] fed = new Sum[keys.size()];
        for (int k = 0; k < fed.length; k++) {
            String key = keys.get(k);
            Sum sum = fed[k] = sums.computeIfAbsent(key, x -> new Sum(dimensions));
            float[] block = matrix.block(slot);
            int offset = matrix.offset(slot);
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += sign * block[offset + i];
            }
            sum.count += (int) sign;
            if (sum.count == 0) {
                sums.remove(key);
            }
        }
        // While the slot counts in them (count > 0), its sums stay in the map and can be cached.
        sumsOf[slot] = sign > 0 ? (fed.length == 0 ? NO_SUMS : fed) : null;
    }

    /** A category and a tag of the same name are different keys. */
    private static List<String> keys(List<String> categories, List<String> tags) {
        String[] keys = new String[categories.size() + tags.size()];
        int i = 0;
        for (String c : categories) {
            keys[i++] = "c:" + c;
        }
        for (String t : tags) {
            keys[i++] = "t:" + t;
        }
        return List.of(keys);
    }
}
