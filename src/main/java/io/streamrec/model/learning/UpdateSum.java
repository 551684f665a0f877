package io.streamrec.model.learning;

import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One item's updates added up in place: gradients, new users and co-visits add; popularity
 * increments are decayed to the later of their times, exactly as {@link ItemRecord#addPopularity}
 * would have applied them one by one, so applying the sum equals applying every update.
 *
 * <p>Most items are owed one update per interval (a negative sample, say), so a sum keeps its
 * first update as it is and only starts adding, on copies, when a second one comes.
 */
final class UpdateSum {
    private final long popularityHalfLifeMs;
    /** The only update so far; null once a second one has been added. */
    private ItemUpdate only;
    private String item;
    private float[] gradient;
    private int newUsers;
    private double popularity;
    private long timestamp;
    /**
     * In the order pairs were first owed: a full neighbour list keeps or evicts by the order they
     * are added, so the order must not vary between runs (as Map.copyOf's does, per JVM).
     */
    private Map<String, Float> coVisits;

    UpdateSum(ItemUpdate first, long popularityHalfLifeMs) {
        this.popularityHalfLifeMs = popularityHalfLifeMs;
        this.only = first;
    }

    void add(ItemUpdate later) {
        if (only != null) {
            start(only);
            only = null;
        }
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

    /** Copies of the first update's parts, to add to: the update itself is not ours to change. */
    private void start(ItemUpdate first) {
        item = first.item();
        gradient = first.gradient() == null ? null : first.gradient().clone();
        newUsers = first.newUsers();
        popularity = first.popularity();
        timestamp = first.eventTimestamp();
        coVisits = new LinkedHashMap<>(first.coVisits());
    }

    ItemUpdate toUpdate() {
        if (only != null) {
            return only;
        }
        // The sum is done with once drained, so its map is handed over rather than copied.
        return new ItemUpdate(item, gradient, newUsers, popularity, timestamp, coVisits);
    }
}
