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
 * Deltas owed to items, kept as they arrive, one record per arrival, in a changelogged store
 * (so they commit with the input offsets, exactly-once through a crash), and summed per item only
 * when drained. The user side's outbox holds one record per event (it owes about 16 items: its
 * own, the recent ones it pairs with, the negatives); the item side's pending deltas one per
 * delta received. Summing into a stored record per item instead read, decoded, re-encoded and
 * rewrote a record per delta: 20% of a loaded stream thread on the user side alone.
 */
final class DeltaLog {
    private final KeyValueStore<Long, OwedDeltas> store;
    private final long popularityHalfLifeMs;
    private long next;

    /** Called when the task starts, after the store is restored: numbering goes on after what it holds. */
    DeltaLog(KeyValueStore<Long, OwedDeltas> store, long popularityHalfLifeMs) {
        this.store = store;
        this.popularityHalfLifeMs = popularityHalfLifeMs;
        try (KeyValueIterator<Long, OwedDeltas> it = store.reverseAll()) {
            next = it.hasNext() ? it.next().key + 1 : 0;
        }
    }

    /** Keeps what one arrival owes: {@code items.get(i)} is owed {@code deltas.get(i)}. */
    void add(List<String> items, List<ItemDelta> deltas) {
        if (!items.isEmpty()) {
            store.put(next++, new OwedDeltas(items, deltas));
        }
    }

    /** Forgets everything owed to {@code item} (it was deleted). Rare, so a scan of what is kept is fine. */
    void discard(String item) {
        List<KeyValue<Long, OwedDeltas>> naming = new ArrayList<>();
        try (KeyValueIterator<Long, OwedDeltas> it = store.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value.getItems().contains(item)) {
                    naming.add(entry);
                }
            });
        }
        for (KeyValue<Long, OwedDeltas> entry : naming) {
            List<String> items = new ArrayList<>();
            List<ItemDelta> deltas = new ArrayList<>();
            for (int i = 0; i < entry.value.getItems().size(); i++) {
                if (!entry.value.getItems().get(i).equals(item)) {
                    items.add(entry.value.getItems().get(i));
                    deltas.add(entry.value.getDeltas().get(i));
                }
            }
            if (items.isEmpty()) {
                store.delete(entry.key);
            } else {
                store.put(entry.key, new OwedDeltas(items, deltas));
            }
        }
    }

    /** Everything owed, summed per item in the order items were first owed, and removed from here. */
    List<KeyValue<String, ItemDelta>> drain() {
        Map<String, DeltaSum> sums = new LinkedHashMap<>();
        List<Long> drained = new ArrayList<>();
        try (KeyValueIterator<Long, OwedDeltas> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, OwedDeltas> arrival = it.next();
                drained.add(arrival.key);
                List<String> items = arrival.value.getItems();
                List<ItemDelta> deltas = arrival.value.getDeltas();
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
        for (Long key : drained) {
            store.delete(key);
        }
        List<KeyValue<String, ItemDelta>> owed = new ArrayList<>(sums.size());
        sums.forEach((item, sum) -> owed.add(KeyValue.pair(item, sum.toDelta())));
        return owed;
    }
}
