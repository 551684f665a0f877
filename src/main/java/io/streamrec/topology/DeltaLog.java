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
 * (so they commit with the input offsets, exactly-once through a crash), and summed per item in
 * memory as they arrive. The user side's outbox holds one record per event (it owes about 16
 * items: its own, the recent ones it pairs with, the negatives); the item side's pending deltas
 * one per delta received. A record per arrival is written once and deleted once; summing into a
 * stored record per item would read, decode, re-encode and rewrite a record per delta.
 *
 * <p>The store is only read when the task starts, to rebuild the sums; a drain sends the sums
 * and writes a tombstone per record. Reading the records back at each drain, and deleting them
 * with {@code delete} (which decodes the value it returns), had been a quarter of a loaded
 * stream thread.
 */
final class DeltaLog {
    private final KeyValueStore<Long, OwedDeltas> store;
    private final long popularityHalfLifeMs;
    /** What is owed now, per item, in the order items were first owed since the last drain. */
    private final Map<String, DeltaSum> sums = new LinkedHashMap<>();
    /** The records held are numbered from {@code first} to {@code next - 1} (some may be deleted). */
    private long first;
    private long next;

    /** Called when the task starts, after the store is restored: sums what it holds, numbering goes on after it. */
    DeltaLog(KeyValueStore<Long, OwedDeltas> store, long popularityHalfLifeMs) {
        this.store = store;
        this.popularityHalfLifeMs = popularityHalfLifeMs;
        boolean any = false;
        try (KeyValueIterator<Long, OwedDeltas> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, OwedDeltas> arrival = it.next();
                if (!any) {
                    first = arrival.key;
                    any = true;
                }
                next = arrival.key + 1;
                sum(arrival.value.getItems(), arrival.value.getDeltas());
            }
        }
        if (!any) {
            first = next;
        }
    }

    /** Keeps what one arrival owes: {@code items.get(i)} is owed {@code deltas.get(i)}. */
    void add(List<String> items, List<ItemDelta> deltas) {
        if (!items.isEmpty()) {
            store.put(next++, new OwedDeltas(items, deltas));
            sum(items, deltas);
        }
    }

    private void sum(List<String> items, List<ItemDelta> deltas) {
        for (int i = 0; i < items.size(); i++) {
            DeltaSum sum = sums.get(items.get(i));
            if (sum == null) {
                sums.put(items.get(i), new DeltaSum(deltas.get(i), popularityHalfLifeMs));
            } else {
                sum.add(deltas.get(i));
            }
        }
    }

    /** Forgets everything owed to {@code item} (it was deleted). Rare, so a scan of what is kept is fine. */
    void discard(String item) {
        if (sums.remove(item) == null) {
            return;
        }
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
            store.put(entry.key, items.isEmpty() ? null : new OwedDeltas(items, deltas));
        }
    }

    /** Everything owed, summed per item in the order items were first owed, and removed from here. */
    List<KeyValue<String, ItemDelta>> drain() {
        for (long key = first; key < next; key++) {
            // put(key, null) deletes without decoding the value that delete(key) would return.
            store.put(key, null);
        }
        first = next;
        List<KeyValue<String, ItemDelta>> owed = new ArrayList<>(sums.size());
        sums.forEach((item, sum) -> owed.add(KeyValue.pair(item, sum.toDelta())));
        sums.clear();
        return owed;
    }
}
