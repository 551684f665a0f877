package io.streamrec.topology;

import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.OwedUpdates;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Updates owed to items, kept as they arrive, one record per arrival, in a changelogged store
 * (so they commit with the input offsets, exactly-once through a crash), and summed per item in
 * memory ({@link OwedUpdates}) as they arrive. The user side's outbox holds one record per event
 * (it owes about 16 items: its own, the recent ones it pairs with, the negatives); the item
 * side's pending deltas one per batch received. A record per arrival is written once and deleted
 * once; summing into a stored record per item would read, decode, re-encode and rewrite a record
 * per delta.
 *
 * <p>The store is only read when the task starts, to rebuild the sums; a drain returns the sums
 * and writes a tombstone per record, never reading records back.
 */
final class DeltaLog {
    private final KeyValueStore<Long, OwedDeltas> store;
    private final OwedUpdates sums;
    /** The records held are numbered from {@code first} to {@code next - 1} (some may be deleted). */
    private long first;
    private long next;

    /** Called when the task starts, after the store is restored: sums what it holds, numbering goes on after it. */
    DeltaLog(KeyValueStore<Long, OwedDeltas> store, long popularityHalfLifeMs) {
        this.store = store;
        this.sums = new OwedUpdates(popularityHalfLifeMs);
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

    /** Keeps what one event owes. */
    void add(List<ItemUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>(updates.size());
        List<ItemDelta> deltas = new ArrayList<>(updates.size());
        for (ItemUpdate update : updates) {
            items.add(update.item());
            deltas.add(ModelCodec.delta(update));
        }
        store.put(next++, new OwedDeltas(items, deltas));
        sums.addAll(updates);
    }

    /** Keeps a batch of deltas received, as it came. */
    void add(OwedDeltas received) {
        store.put(next++, received);
        sum(received.getItems(), received.getDeltas());
    }

    private void sum(List<String> items, List<ItemDelta> deltas) {
        for (int i = 0; i < items.size(); i++) {
            sums.add(ModelCodec.update(items.get(i), deltas.get(i)));
        }
    }

    /** Forgets everything owed to {@code item} (it was deleted). Rare, so a scan of what is kept is fine. */
    void discard(String item) {
        if (!sums.discard(item)) {
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

    /** Everything owed, one summed update per item in the order items were first owed, and removed from here. */
    List<ItemUpdate> drain() {
        for (long key = first; key < next; key++) {
            // put(key, null) deletes without decoding the value that delete(key) would return.
            store.put(key, null);
        }
        first = next;
        return sums.drain();
    }
}
