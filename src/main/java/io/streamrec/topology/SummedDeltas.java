package io.streamrec.topology;

import io.streamrec.avro.ItemDelta;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Item deltas summed per item until they are drained, in a changelogged store so the sums
 * commit with the input offsets (exactly-once through a crash): the item side's pending sums,
 * which receive deltas already summed per item by each user task. (The user side, which owes
 * about 16 items per event, keeps one record per event instead: {@link EventOutbox}.)
 */
final class SummedDeltas {
    private final KeyValueStore<String, ItemDelta> store;
    private final long popularityHalfLifeMs;

    SummedDeltas(KeyValueStore<String, ItemDelta> store, long popularityHalfLifeMs) {
        this.store = store;
        this.popularityHalfLifeMs = popularityHalfLifeMs;
    }

    void add(String item, ItemDelta delta) {
        ItemDelta earlier = store.get(item);
        store.put(item, earlier == null ? delta : ModelCodec.combine(earlier, delta, popularityHalfLifeMs));
    }

    /** Forgets an item's sum (the item was deleted). */
    void discard(String item) {
        store.delete(item);
    }

    /** Every item's sum, removed from here: the caller forwards or applies them now. */
    List<KeyValue<String, ItemDelta>> drain() {
        List<KeyValue<String, ItemDelta>> drained = new ArrayList<>();
        try (KeyValueIterator<String, ItemDelta> it = store.all()) {
            it.forEachRemaining(drained::add);
        }
        for (KeyValue<String, ItemDelta> entry : drained) {
            store.delete(entry.key);
        }
        return drained;
    }
}
