package io.streamrec.topology;

import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.Neighbour;
import io.streamrec.model.ItemRecord;
import io.streamrec.stores.VectorBytes;
import java.util.HashMap;
import java.util.Map;

/**
 * Item deltas added up in place: gradients, new users and co-visits add; popularity increments
 * are decayed to the later of their times, exactly as {@link ItemRecord#addPopularity} would have
 * applied them one by one. Summing many deltas this way unpacks and packs each gradient once,
 * where combining them pairwise would for every pair.
 */
final class DeltaSum {
    private final long popularityHalfLifeMs;
    private float[] gradient;
    private int newUsers;
    private double popularity;
    private long timestamp;
    private final Map<String, Float> coVisits = new HashMap<>();

    DeltaSum(ItemDelta first, long popularityHalfLifeMs) {
        this.popularityHalfLifeMs = popularityHalfLifeMs;
        gradient = VectorBytes.unpack(first.getGradient());
        newUsers = first.getNewUsers();
        popularity = first.getPopularity();
        timestamp = first.getEventTimestamp();
        addCoVisits(first);
    }

    DeltaSum add(ItemDelta later) {
        float[] more = VectorBytes.unpack(later.getGradient());
        if (gradient == null || more != null && more.length != gradient.length) {
            gradient = more;
        } else if (more != null) {
            for (int d = 0; d < gradient.length; d++) {
                gradient[d] += more[d];
            }
        }
        if (popularity <= 0) {
            timestamp = later.getPopularity() > 0 ? later.getEventTimestamp()
                    : Math.max(timestamp, later.getEventTimestamp());
            popularity = later.getPopularity();
        } else if (later.getPopularity() > 0) {
            long at = Math.max(timestamp, later.getEventTimestamp());
            popularity = ItemRecord.decayed(popularity, timestamp, at, popularityHalfLifeMs)
                    + ItemRecord.decayed(later.getPopularity(), later.getEventTimestamp(), at, popularityHalfLifeMs);
            timestamp = at;
        }
        newUsers += later.getNewUsers();
        addCoVisits(later);
        return this;
    }

    private void addCoVisits(ItemDelta delta) {
        for (Neighbour n : delta.getCoVisits()) {
            coVisits.merge(n.getItem(), n.getWeight(), Float::sum);
        }
    }

    ItemDelta toDelta() {
        return ItemDelta.newBuilder()
                .setGradient(VectorBytes.pack(gradient))
                .setNewUsers(newUsers)
                .setPopularity(popularity)
                .setEventTimestamp(timestamp)
                .setCoVisits(ModelCodec.neighbours(coVisits))
                .build();
    }
}
