package io.streamrec.topology;

import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.Neighbour;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.model.learning.ItemUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What a user partition owes the item side in one publish interval, one record per `item-deltas`
 * partition instead of one per item: an interval owes thousands of items, and each record costs
 * the producer, the broker, the item side's consumer and its pending log alike. A batch holds only
 * items of one partition and is keyed by the first of them, so it reaches the task that owns them
 * however it is routed ({@link ItemPartitions}); it is cut at {@link #MAX_BYTES} to stay well
 * inside the producer's and the broker's record size limits.
 */
final class ItemDeltaBatches {
    static final int MAX_BYTES = 256 * 1024;
    /** Avro's framing of one delta besides its variable parts, generously. */
    private static final int FIXED_BYTES = 32;

    private ItemDeltaBatches() {}

    /**
     * The records that carry {@code owed} (summed per item) to the item side, for a topic of
     * {@code partitions} partitions; each is timestamped with the newest event it carries.
     */
    static List<Record<String, OwedDeltas>> of(List<ItemUpdate> owed, int partitions, long maxBytes) {
        Map<Integer, Batch> open = new LinkedHashMap<>();
        List<Record<String, OwedDeltas>> records = new ArrayList<>();
        for (ItemUpdate update : owed) {
            ItemDelta delta = ModelCodec.delta(update);
            long size = size(update.item(), delta);
            int partition = ItemPartitions.of(update.item(), partitions);
            Batch batch = open.get(partition);
            if (batch != null && batch.bytes + size > maxBytes) {
                records.add(batch.record());
                batch = null;
            }
            if (batch == null) {
                batch = new Batch();
                open.put(partition, batch);
            }
            batch.add(update.item(), delta, size);
        }
        open.values().forEach(batch -> records.add(batch.record()));
        return records;
    }

    private static long size(String item, ItemDelta delta) {
        long size = FIXED_BYTES + item.length() + delta.getGradient().remaining();
        for (Neighbour neighbour : delta.getCoVisits()) {
            size += neighbour.getItem().length() + 8;
        }
        return size;
    }

    private static final class Batch {
        final List<String> items = new ArrayList<>();
        final List<ItemDelta> deltas = new ArrayList<>();
        long bytes;
        long newest = Long.MIN_VALUE;

        void add(String item, ItemDelta delta, long size) {
            items.add(item);
            deltas.add(delta);
            bytes += size;
            newest = Math.max(newest, delta.getEventTimestamp());
        }

        Record<String, OwedDeltas> record() {
            return new Record<>(items.get(0), new OwedDeltas(items, deltas), newest);
        }
    }
}
