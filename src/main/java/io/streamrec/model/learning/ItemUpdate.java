package io.streamrec.model.learning;

import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemRecord;
import java.util.Map;

/**
 * What one user-side event contributes to one item. The user side computes it (it knows the
 * user vector and history); the item side, which owns the item, applies it.
 *
 * @param gradient   added to the item vector; null for none
 * @param newUsers   1 when the user had not interacted with the item before
 * @param popularity event weight added to decayed popularity (0 for a negative sample)
 * @param coVisits   neighbour item -> co-visitation weight to add
 */
public record ItemUpdate(String item, float[] gradient, int newUsers, double popularity,
                         long eventTimestamp, Map<String, Float> coVisits) {

    /** Applies this update to the item's state (the item side's only write path). */
    public void applyTo(ItemRecord record, long popularityHalfLifeMs) {
        if (gradient != null && gradient.length == record.vector.length) {
            VectorMath.axpy(1f, gradient, record.vector);
        }
        record.distinctUsers += newUsers;
        if (popularity > 0) {
            record.addPopularity(popularity, eventTimestamp, popularityHalfLifeMs);
        }
        coVisits.forEach(record.neighbours::add);
    }
}
