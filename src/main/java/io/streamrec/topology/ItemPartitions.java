package io.streamrec.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Routes a record on `item-deltas` by its key, an item id, exactly as the producer's default
 * partitioner routes that item's catalogue record on `items` (murmur2 of the key's UTF-8 bytes):
 * the item side needs both on the task that owns the item. It also remembers how many
 * partitions `item-deltas` has, which the user side needs to group items by partition before it
 * sends them ({@link ItemDeltaBatches}); the count is the topic's, so one instance serves every
 * task of a client.
 */
final class ItemPartitions implements StreamPartitioner<String, Object> {
    /** 0 until the first record is routed. */
    private volatile int count;

    @Override
    public Optional<Set<Integer>> partitions(String topic, String item, Object value, int partitions) {
        int known = count;
        if (known != 0 && known != partitions) {
            // Batches already grouped by the old count would reach tasks that do not own their items.
            throw new IllegalStateException(topic + " went from " + known + " to " + partitions
                    + " partitions: it must keep the partitions of the items topic");
        }
        count = partitions;
        return Optional.of(Set.of(of(item, partitions)));
    }

    /** The partitions of `item-deltas`, or 0 while no record has been routed. */
    int count() {
        return count;
    }

    static int of(String item, int partitions) {
        return Utils.toPositive(Utils.murmur2(item.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
