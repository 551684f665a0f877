package io.streamrec.topology;

import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.OwedDeltas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The user side's outbox: what each event owes the item side, one record per event in a
 * changelogged store (so it commits with the input offsets, exactly-once through a crash), summed
 * per item only when sent. An event owes about 16 items (its own, the recent ones it pairs with,
 * the sampled negatives); summing them into a stored record per item read, decoded, re-encoded
 * and rewrote 16 records per event, where this writes one.
 */
final class EventOutbox {
    private final KeyValueStore<Long, OwedDeltas> store;
    private final long popularityHalfLifeMs;
    private long next;

    /** Called when the task starts, after the store is restored: numbering goes on after what it holds. */
    EventOutbox(KeyValueStore<Long, OwedDeltas> store, long popularityHalfLifeMs) {
        this.store = store;
        this.popularityHalfLifeMs = popularityHalfLifeMs;
        try (KeyValueIterator<Long, OwedDeltas> it = store.reverseAll()) {
            next = it.hasNext() ? it.next().key + 1 : 0;
        }
    }

    /** Keeps one event's deltas, {@code items.get(i)} owed {@code deltas.get(i)}. */
    void add(List<String> items, List<ItemDelta> deltas) {
        if (!items.isEmpty()) {
            store.put(next++, new OwedDeltas(items, deltas));
        }
    }

    /** Everything owed, summed per item in the order items were first owed, and removed from here. */
    List<KeyValue<String, ItemDelta>> drain() {
        Map<String, DeltaSum> sums = new LinkedHashMap<>();
        List<Long> sent = new ArrayList<>();
        try (KeyValueIterator<Long, OwedDeltas> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, OwedDeltas> event = it.next();
                sent.add(event.key);
                List<String> items = event.value.getItems();
                List<ItemDelta> deltas = event.value.getDeltas();
                for (int i = 0; i < items.size(); i++) {
                    DeltaSum sum = sums.get(items.get(i));
                    if (sum == null) {
                        sums.put(items.get(i), new DeltaSum(deltas.get(i), popularityHalfLifeMs));
                    } else {
                        sum.add(deltas.get(i));
                    }
                }
            }
        }
        for (Long key : sent) {
            store.delete(key);
        }
        List<KeyValue<String, ItemDelta>> owed = new ArrayList<>(sums.size());
        sums.forEach((item, sum) -> owed.add(KeyValue.pair(item, sum.toDelta())));
        return owed;
    }
}
