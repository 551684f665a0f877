package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.OwedDeltas;
import io.streamrec.model.learning.ItemUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** An interval's summed deltas travel as one record per item partition, each routed to its items' owner. */
class ItemDeltaBatchesTest {
    private static final int PARTITIONS = 4;

    @Test
    void everyItemTravelsOnceInTheOneRecordOfItsPartitionKeyedByAnItemOfThatPartition() {
        List<ItemUpdate> owed = updates(200, 10L);

        List<Record<String, OwedDeltas>> batches = ItemDeltaBatches.of(owed, PARTITIONS, ItemDeltaBatches.MAX_BYTES);

        assertThat(batches).hasSize(PARTITIONS);
        List<String> carried = new ArrayList<>();
        for (Record<String, OwedDeltas> batch : batches) {
            int partition = ItemPartitions.of(batch.key(), PARTITIONS);
            assertThat(batch.value().getItems()).allMatch(item -> ItemPartitions.of(item, PARTITIONS) == partition);
            assertThat(batch.value().getDeltas()).hasSameSizeAs(batch.value().getItems());
            carried.addAll(batch.value().getItems());
        }
        assertThat(carried).containsExactlyInAnyOrderElementsOf(owed.stream().map(ItemUpdate::item).toList());
    }

    @Test
    void aBatchOverTheByteBudgetIsCutIntoSeveralAndEachIsTimedByItsNewestEvent() {
        List<ItemUpdate> owed = updates(100, 10L);

        List<Record<String, OwedDeltas>> batches = ItemDeltaBatches.of(owed, 1, 2_000);

        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches).flatExtracting(batch -> batch.value().getItems())
                .containsExactlyElementsOf(owed.stream().map(ItemUpdate::item).toList());
        Record<String, OwedDeltas> first = batches.get(0);
        assertThat(first.timestamp()).isEqualTo(10L + first.value().getItems().size() - 1);
    }

    @Test
    void theRoutingMatchesTheProducersDefaultPartitionerAndRefusesAChangedPartitionCount() {
        ItemPartitions partitions = new ItemPartitions();
        assertThat(partitions.count()).isZero();

        assertThat(partitions.partitions("item-deltas", "shoe-1", null, PARTITIONS))
                .contains(java.util.Set.of(ItemPartitions.of("shoe-1", PARTITIONS)));
        assertThat(partitions.count()).isEqualTo(PARTITIONS);
        // Utils.murmur2 of "shoe-1"'s UTF-8 bytes, as the producer's BuiltInPartitioner.partitionForKey computes it.
        assertThat(ItemPartitions.of("shoe-1", PARTITIONS)).isEqualTo(
                org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
                        "shoe-1".getBytes(java.nio.charset.StandardCharsets.UTF_8), PARTITIONS));
        assertThatThrownBy(() -> partitions.partitions("item-deltas", "shoe-1", null, PARTITIONS + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must keep the partitions");
    }

    private static List<ItemUpdate> updates(int items, long firstTime) {
        List<ItemUpdate> owed = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            owed.add(new ItemUpdate("item-" + i, new float[] {i, 1f}, 1, 1.0, firstTime + i,
                    Map.of("item-" + (i + 1), 1f)));
        }
        return owed;
    }
}
