package io.streamrec.topology;

import io.streamrec.avro.Item;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.stores.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The item side, on the partition that owns the item: sums the deltas from every user
 * partition and the catalogue metadata into the authoritative item state, `item-state`. That
 * store's changelog is what every instance's item index reads ({@link Topics#itemState()}): a
 * changed item is published by being written, once per publish interval (a catalogue change, a
 * deletion and an expiry at once), with no second record to a topic of its own.
 *
 * <p>Deltas arrive in batches, one per user partition, item partition and interval. They are
 * first kept in {@code item-pending-log} (a {@link DeltaLog}, a record per batch), summed per item and
 * applied to the item's big record (vector, counters, up to 200 neighbours) once per publish
 * interval, which publishes it: one read-modify-write of that record per interval
 * instead of one per delta (an event sends about 16), and per {@link PublicationPace} fewer
 * intervals while the user side's input is behind. Every index reader only ever saw the item
 * once per interval anyway. Because the pending sums are state of this task, they commit with
 * the input offsets in the same transaction: exactly-once holds through a crash.
 */
final class ItemLearner implements Processor<String, Object, Void, Void> {
    /**
     * Reads `item-deltas`: a batch of items' deltas ({@link ItemDeltaBatches}), or one item's
     * delta keyed by the item, as a release that sent one record per item wrote it (its records
     * may still be in the topic, or its instances still running, during an upgrade).
     */
    static final Deserializer<Object> DELTAS = (topic, bytes) -> {
        try {
            return AvroSerdes.ITEM_DELTA.hasHeader(bytes) ? AvroSerdes.ITEM_DELTA.decode(bytes)
                    : AvroSerdes.OWED_DELTAS.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + topic + " record: " + e.getMessage(), e);
        }
    };

    private final TopologySettings settings;
    private final ItemIndex index;
    private final ItemSide itemSide;
    /** Publications: fewer while the user side's input is behind, the cores being shared with it. */
    private final PublicationPace publications;
    private KeyValueStore<String, EncodedItem> items;
    /** The newest event time in the deltas this task received: the clock items' idleness is measured by. */
    private long newestEventTime = Long.MIN_VALUE;
    private DeltaLog pending;

    ItemLearner(TopologySettings settings, ItemIndex index, InputLoad load) {
        this.settings = settings;
        this.index = index;
        this.publications = new PublicationPace(load, settings.refresh());
        this.itemSide = new ItemSide(settings.model());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        items = context.getStateStore(StoreNames.ITEM_STATE);
        pending = new DeltaLog(context.getStateStore(StoreNames.ITEM_PENDING),
                settings.model().popularityHalfLifeMs());
        context.schedule(Duration.ofMillis(settings.refresh().itemPublishIntervalMs()),
                PunctuationType.WALL_CLOCK_TIME, publications.paced(this::applyOwed));
        if (settings.lifecycle().itemTtlMs() > 0) {
            context.schedule(Duration.ofMillis(settings.lifecycle().checkIntervalMs()),
                    PunctuationType.WALL_CLOCK_TIME, now -> expireIdleItems());
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        String id = record.key();
        if (record.value() == null) {
            remove(id);
            return;
        }
        if (record.value() instanceof OwedDeltas batch) {
            pending.add(batch);
            for (ItemDelta delta : batch.getDeltas()) {
                newestEventTime = Math.max(newestEventTime, delta.getEventTimestamp());
            }
            return;
        }
        if (record.value() instanceof ItemDelta delta) {
            pending.add(new OwedDeltas(List.of(id), List.of(delta)));
            newestEventTime = Math.max(newestEventTime, delta.getEventTimestamp());
            return;
        }
        Item item = (Item) record.value();
        ItemRecord current = ModelCodec.record(id, EncodedItem.decode(items.get(id)), settings.model().neighbours());
        ItemRecord described = itemSide.describe(current, id, ModelCodec.metadata(item), index);
        items.put(id, EncodedItem.of(ModelCodec.itemVector(described)));
    }

    /** Applies each item's pending deltas to its state, which publishes it. */
    private void applyOwed() {
        for (ItemUpdate owed : pending.drain()) {
            String id = owed.item();
            ItemRecord current = ModelCodec.record(id, EncodedItem.decode(items.get(id)),
                    settings.model().neighbours());
            items.put(id, EncodedItem.of(ModelCodec.itemVector(itemSide.apply(current, owed))));
        }
    }

    /** Removes the item here and, through the tombstone its state's changelog gets, from every instance's index. */
    private void remove(String id) {
        items.delete(id);
        pending.discard(id);
    }

    /**
     * Items idle past the TTL that the catalogue does not describe are removed everywhere. Idleness
     * is in event time, against the newest event this task heard of (catalogue records carry no event time).
     */
    private void expireIdleItems() {
        long now = newestEventTime;
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, EncodedItem> it = items.all()) {
            while (it.hasNext()) {
                KeyValue<String, EncodedItem> entry = it.next();
                ItemVector state = entry.value.decode();
                if (settings.lifecycle().itemIdle(state.getPopularityTimestamp(), state.getKnown(), now)) {
                    idle.add(entry.key);
                }
            }
        }
        idle.forEach(this::remove);
    }
}
