package io.streamrec.model.learning;

import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One item's updates added up in place: gradients, new users and co-visits add; popularity
 * increments are decayed to the later of their times, exactly as {@link ItemRecord#addPopularity}
 * would have applied them one by one, so applying the sum equals applying every update.
 */
final class UpdateSum {
    private final String item;
    private final long popularityHalfLifeMs;
    private float[] gradient;
    private int newUsers;
    private double popularity;
    private long timestamp;
    /**
     * In the order pairs were first owed: a full neighbour list keeps or evicts by the order they
     * are added, so the order must not vary between runs (as Map.copyOf's does, per JVM).
     */
    private final Map<String, Float> coVisits = new LinkedHashMap<>();

    UpdateSum(ItemUpdate first, long popularityHalfLifeMs) {
        this.item = first.item();
        this.popularityHalfLifeMs = popularityHalfLifeMs;
        // A copy: the sum is added to in place, and the update's own array is not ours.
        gradient = first.gradient() == null ? null : first.gradient().clone();
        newUsers = first.newUsers();
        popularity = first.popularity();
        timestamp = first.eventTimestamp();
        first.coVisits().forEach((neighbour, weight) -> coVisits.merge(neighbour, weight, Float::sum));
    }

    void add(ItemUpdate later) {
        float[] more = later.gradient();
        if (gradient == null || more != null && more.length != gradient.length) {
            // A vector of another length (the dimensions changed) replaces what was summed.
            gradient = more == null ? null : more.clone();
        } else if (more != null) {
            VectorMath.axpy(1f, more, gradient);
        }
        if (popularity <= 0) {
            timestamp = later.popularity() > 0 ? later.eventTimestamp() : Math.max(timestamp, later.eventTimestamp());
            popularity = later.popularity();
        } else if (later.popularity() > 0) {
            long at = Math.max(timestamp, later.eventTimestamp());
            popularity = ItemRecord.decayed(popularity, timestamp, at, popularityHalfLifeMs)
                    + ItemRecord.decayed(later.popularity(), later.eventTimestamp(), at, popularityHalfLifeMs);
            timestamp = at;
        }
        newUsers += later.newUsers();
        later.coVisits().forEach((neighbour, weight) -> coVisits.merge(neighbour, weight, Float::sum));
    }

    ItemUpdate toUpdate() {
        // The sum is done with once drained, so its map is handed over rather than copied.
        return new ItemUpdate(item, gradient, newUsers, popularity, timestamp, coVisits);
    }
}
