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
 * side's pending deltas one per batch received. Summing into a stored record per item would read,
 * decode, re-encode and rewrite a record per delta.
 *
 * <p>Records are numbered per drain: each drain's arrivals take keys 0, 1, 2, ... again, each
 * record naming its drain, and a drain writes one record, the number of the last drain sent
 * (key {@link #DRAINED}), instead of a tombstone per record. A record whose drain was sent is
 * dead, whether or not a later arrival has overwritten its key yet. So an arrival costs one
 * changelog record, not two, and the store holds at most the keys of the busiest drain; keys
 * that no drain of a while has needed are deleted ({@link #SHRINK_EVERY}).
 *
 * <p>The store is only read when the task starts, to rebuild the sums; a drain returns the sums
 * and never reads records back.
 */
final class DeltaLog {
    /** The key of the record that names the last drain sent. */
    static final long DRAINED = -1;
    private static final OwedDeltas NOTHING = new OwedDeltas(List.of(), List.of());
    /**
     * Keys are considered for deletion once per this many drains, against the most any of them
     * needed: a task's arrivals per drain swing widely when its input comes in bursts, and keys
     * deleted after a quiet drain would only be written again by the next busy one.
     */
    static final int SHRINK_EVERY = 16;
    private final KeyValueStore<Long, OwedRecord> store;
    private final OwedUpdates sums;
    /** The drain arrivals wait for now. */
    private long drain;
    /** The next arrival's key. */
    private long next;
    /** Keys 0 to {@code held - 1} may hold a record. */
    private long held;
    /** The most keys a drain needed since keys were last considered for deletion, and how many drains ago that was. */
    private long busiestRecent;
    private int drainsSinceShrink;
    /** Keys of records a release that did not number drains left: owed, deleted at the next drain. */
    private final List<Long> unnumbered = new ArrayList<>();

    /** Called when the task starts, after the store is restored: sums what is still owed, numbering goes on after it. */
    DeltaLog(KeyValueStore<Long, OwedRecord> store, long popularityHalfLifeMs) {
        this.store = store;
        this.sums = new OwedUpdates(popularityHalfLifeMs);
        OwedRecord drained = store.get(DRAINED);
        drain = drained == null ? 0 : drained.drain() + 1;
        try (KeyValueIterator<Long, OwedRecord> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, OwedRecord> arrival = it.next();
                if (arrival.key == DRAINED) {
                    continue;
                }
                held = Math.max(held, arrival.key + 1);
                if (arrival.value.drain() == OwedRecord.UNNUMBERED) {
                    unnumbered.add(arrival.key);
                } else if (arrival.value.drain() != drain) {
                    continue;
                } else {
                    next = Math.max(next, arrival.key + 1);
                }
                sum(arrival.value.deltas());
            }
        }
        // Unnumbered keys are not reused before they are deleted.
        for (long key : unnumbered) {
            next = Math.max(next, key + 1);
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
        keep(new OwedDeltas(items, deltas));
        sums.addAll(updates);
    }

    /** Keeps a batch of deltas received, as it came. */
    void add(OwedDeltas received) {
        keep(received);
        sum(received);
    }

    private void keep(OwedDeltas deltas) {
        store.put(next++, new OwedRecord(drain, deltas));
        held = Math.max(held, next);
    }

    private void sum(OwedDeltas deltas) {
        List<String> items = deltas.getItems();
        for (int i = 0; i < items.size(); i++) {
            sums.add(ModelCodec.update(items.get(i), deltas.getDeltas().get(i)));
        }
    }

    /** Forgets everything owed to {@code item} (it was deleted). Rare, so a scan of what is kept is fine. */
    void discard(String item) {
        if (!sums.discard(item)) {
            return;
        }
        List<KeyValue<Long, OwedRecord>> naming = new ArrayList<>();
        try (KeyValueIterator<Long, OwedRecord> it = store.all()) {
            it.forEachRemaining(entry -> {
                if (entry.key != DRAINED && owed(entry.value) && entry.value.deltas().getItems().contains(item)) {
                    naming.add(entry);
                }
            });
        }
        for (KeyValue<Long, OwedRecord> entry : naming) {
            List<String> items = new ArrayList<>();
            List<ItemDelta> deltas = new ArrayList<>();
            OwedDeltas kept = entry.value.deltas();
            for (int i = 0; i < kept.getItems().size(); i++) {
                if (!kept.getItems().get(i).equals(item)) {
                    items.add(kept.getItems().get(i));
                    deltas.add(kept.getDeltas().get(i));
                }
            }
            store.put(entry.key, new OwedRecord(entry.value.drain(), new OwedDeltas(items, deltas)));
        }
    }

    private void deleteKeysFrom(long first) {
        List<Long> unused = new ArrayList<>();
        try (KeyValueIterator<Long, OwedRecord> it = store.range(first, held - 1)) {
            it.forEachRemaining(entry -> unused.add(entry.key));
        }
        // put(key, null) deletes without decoding the value that delete(key) would return.
        unused.forEach(key -> store.put(key, null));
        held = first;
    }

    private boolean owed(OwedRecord record) {
        return record.drain() == drain || record.drain() == OwedRecord.UNNUMBERED;
    }

    /** Everything owed, one summed update per item in the order items were first owed, and removed from here. */
    List<ItemUpdate> drain() {
        if (next == 0 && unnumbered.isEmpty()) {
            return sums.drain();
        }
        store.put(DRAINED, new OwedRecord(drain, NOTHING));
        for (long key : unnumbered) {
            store.put(key, null);
        }
        unnumbered.clear();
        busiestRecent = Math.max(busiestRecent, next);
        if (++drainsSinceShrink == SHRINK_EVERY) {
            if (busiestRecent < held / 2) {
                deleteKeysFrom(busiestRecent);
            }
            busiestRecent = 0;
            drainsSinceShrink = 0;
        }
        drain++;
        next = 0;
        return sums.drain();
    }
}
