package io.streamrec.model.online;

import io.streamrec.model.Lifecycle;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.OwedUpdates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item side without Kafka, for the replay and the in-memory benchmark: what events owe items
 * is summed and applied once per publish interval of event time, and the items the lifecycle
 * admits are upserted into the model's index, as the topology's item side publishes them to every
 * instance's index once per interval. One owner, one thread.
 */
public final class InMemoryItemSide {
    private final SharedModel model;
    private final ItemSide rules;
    private final Lifecycle lifecycle;
    private final long publishIntervalMs;
    private final OwedUpdates owed;
    /** The authoritative state of every item, by id; the index holds the admitted ones. */
    private final Map<String, ItemRecord> records = new HashMap<>();
    /** Event time at which what is owed is next applied. */
    private long intervalEnd = Long.MIN_VALUE;

    public InMemoryItemSide(SharedModel model, Lifecycle lifecycle, long publishIntervalMs) {
        if (publishIntervalMs <= 0) {
            throw new IllegalArgumentException("the item publish interval must be positive");
        }
        this.model = model;
        this.rules = new ItemSide(model.params());
        this.lifecycle = lifecycle;
        this.publishIntervalMs = publishIntervalMs;
        this.owed = new OwedUpdates(model.params().popularityHalfLifeMs());
    }

    /** Keeps what one event owes items, until the interval it falls in ends. */
    public void owe(List<ItemUpdate> updates) {
        owed.addAll(updates);
    }

    /** Publishes what is owed once {@code time} has left the interval it was owed in. */
    public void advanceTo(long time) {
        if (time < intervalEnd) {
            return;
        }
        intervalEnd = Math.floorDiv(time, publishIntervalMs) * publishIntervalMs + publishIntervalMs;
        for (ItemUpdate update : owed.drain()) {
            ItemRecord existing = records.get(update.item());
            ItemRecord record = rules.apply(existing, update);
            if (existing == null) {
                records.put(update.item(), record);
            }
            if (lifecycle.admitsItem(record.distinctUsers, record.known)) {
                model.index().upsert(record);
            }
        }
    }

    /** Catalogue metadata, into the index at once (a described item is always admitted). */
    public void describe(String id, ItemMetadata metadata) {
        ItemRecord record = rules.describe(records.get(id), id, metadata, model.index());
        records.put(id, record);
        model.index().upsert(record);
    }

    /** Removes, here and from the index, the items the lifecycle finds idle at {@code newestEventTime}. */
    public void expireIdle(long newestEventTime) {
        List<String> idle = new ArrayList<>();
        records.forEach((id, record) -> {
            if (lifecycle.itemIdle(record.popularityTimestamp, record.known, newestEventTime)) {
                idle.add(id);
            }
        });
        for (String id : idle) {
            records.remove(id);
            owed.discard(id);
            model.index().remove(id);
        }
    }
}
