package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.Neighbour;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.stores.VectorBytes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Updates are kept a record per arrival, each item gets one sum of what it is owed, and a restart owes exactly what was not sent. */
class DeltaLogTest {
    private static final long HALF_LIFE = 1000;

    @Test
    void drainSumsPerItemWhatTheEventsOwedInTheOrderItemsWereFirstOwed() {
        KeyValueStore<Long, OwedRecord> store = store();
        DeltaLog outbox = new DeltaLog(store, HALF_LIFE);
        outbox.add(List.of(update("a", new float[] {1f, 2f}, 1, 2.0, 100, "x"),
                update("b", new float[] {0.5f, 0f}, 0, 0.0, 100, null)));
        outbox.add(List.of(update("a", new float[] {-1f, 1f}, 1, 1.0, 1100, "y")));
        outbox.add(List.of());

        List<ItemUpdate> owed = outbox.drain();

        assertThat(owed).extracting(ItemUpdate::item).containsExactly("a", "b");
        assertThat(owed.get(0).gradient()).containsExactly(0f, 3f);
        assertThat(owed.get(0).newUsers()).isEqualTo(2);
        assertThat(owed.get(0).coVisits()).containsOnlyKeys("x", "y");
        assertThat(owed.get(0).popularity()).isEqualTo(2.0 / 2 + 1.0); // one half-life later
        assertThat(owed.get(1).gradient()).containsExactly(0.5f, 0f);
        assertThat(outbox.drain()).as("sent once").isEmpty();
        assertThat(new DeltaLog(store, HALF_LIFE).drain()).as("a restart after the drain owes nothing").isEmpty();
    }

    @Test
    void aRestartOwesWhatArrivedSinceTheLastDrainEvenWhereItsKeysStillHoldSentRecords() {
        KeyValueStore<Long, OwedRecord> store = store();
        DeltaLog outbox = new DeltaLog(store, HALF_LIFE);
        for (int i = 0; i < 3; i++) {
            outbox.add(List.of(update("sent", new float[] {1f}, 1, 1.0, i, null)));
        }
        outbox.drain();
        outbox.add(List.of(update("owed", new float[] {2f}, 1, 1.0, 10, null)));

        // The store as a restore rebuilds it: key 0 rewritten, keys 1 and 2 still holding sent records.
        DeltaLog restarted = new DeltaLog(store, HALF_LIFE);
        restarted.add(List.of(update("owed", new float[] {3f}, 0, 0.0, 11, null)));
        List<ItemUpdate> owed = restarted.drain();

        assertThat(owed).extracting(ItemUpdate::item).containsExactly("owed");
        assertThat(owed.get(0).gradient()).containsExactly(5f);
        assertThat(owed.get(0).newUsers()).isEqualTo(1);
    }

    @Test
    void anArrivalIsOneRecordAndEachDrainReusesTheKeysInsteadOfDeletingThem() {
        KeyValueStore<Long, OwedRecord> store = store();
        DeltaLog outbox = new DeltaLog(store, HALF_LIFE);
        for (int drain = 0; drain < 3; drain++) {
            for (int i = 0; i < 8; i++) {
                outbox.add(List.of(update("a", new float[] {1f}, 1, 1.0, i, null)));
            }
            assertThat(outbox.drain().get(0).gradient()).containsExactly(8f);
        }
        assertThat(store.approximateNumEntries()).as("eight arrivals' keys and the last drain's number").isEqualTo(9);

        for (int drain = 3; drain < 2 * DeltaLog.SHRINK_EVERY; drain++) {
            outbox.add(List.of(update("a", new float[] {1f}, 1, 1.0, 0, null)));
            outbox.drain();
            if (drain < DeltaLog.SHRINK_EVERY) {
                assertThat(store.approximateNumEntries()).as("kept while a recent drain needed them").isEqualTo(9);
            }
        }
        assertThat(store.approximateNumEntries()).as("keys no recent drain needed are deleted").isEqualTo(2);
        assertThat(new DeltaLog(store, HALF_LIFE).drain()).isEmpty();
    }

    @Test
    void aRecordFromAReleaseThatDeletedEachSentRecordIsOwedOnceThenDeleted() {
        OwedDeltas earlier = new OwedDeltas(List.of("a"), List.of(delta(new float[] {4f}, 1, 1.0, 5, null)));
        OwedRecord read = OwedRecord.SERDE.deserializer().deserialize("t", AvroSerdes.OWED_DELTAS.encode(earlier));
        assertThat(read.drain()).isEqualTo(OwedRecord.UNNUMBERED);
        KeyValueStore<Long, OwedRecord> store = store();
        store.put(7L, read);

        DeltaLog restarted = new DeltaLog(store, HALF_LIFE);
        restarted.add(List.of(update("a", new float[] {1f}, 0, 0.0, 6, null)));
        List<ItemUpdate> owed = restarted.drain();

        assertThat(owed.get(0).gradient()).containsExactly(5f);
        assertThat(store.get(7L)).isNull();
        assertThat(new DeltaLog(store, HALF_LIFE).drain()).isEmpty();
    }

    @Test
    void numberingGoesOnAfterWhatARestoredStoreHolds() {
        KeyValueStore<Long, OwedRecord> store = store();
        new DeltaLog(store, HALF_LIFE).add(List.of(update("a", new float[] {1f}, 1, 1.0, 5, null)));
        // A restart over the restored store must not overwrite the event it still owes.
        DeltaLog restarted = new DeltaLog(store, HALF_LIFE);
        restarted.add(new OwedDeltas(List.of("a"), List.of(delta(new float[] {2f}, 0, 0.0, 6, null))));

        List<ItemUpdate> owed = restarted.drain();

        assertThat(owed).hasSize(1);
        assertThat(owed.get(0).gradient()).containsExactly(3f);
        assertThat(owed.get(0).newUsers()).isEqualTo(1);
    }

    @Test
    void aDiscardedItemIsOwedNothingAndTheOthersKeepTheirs() {
        KeyValueStore<Long, OwedRecord> store = store();
        DeltaLog log = new DeltaLog(store, HALF_LIFE);
        log.add(List.of(update("gone", new float[] {1f}, 1, 1.0, 5, null), update("b", new float[] {1f}, 1, 1.0, 5, null)));
        log.add(List.of(update("gone", new float[] {2f}, 1, 1.0, 6, null)));

        log.discard("gone");

        List<ItemUpdate> owed = log.drain();
        assertThat(owed).extracting(ItemUpdate::item).containsExactly("b");
        assertThat(owed.get(0).gradient()).containsExactly(1f);
        assertThat(new DeltaLog(store, HALF_LIFE).drain()).as("a restart after the drain owes nothing").isEmpty();
    }

    private static KeyValueStore<Long, OwedRecord> store() {
        return TestStores.inMemory("outbox", Serdes.Long(), OwedRecord.SERDE);
    }

    private static ItemUpdate update(String item, float[] gradient, int newUsers, double popularity, long time,
                                     String coVisit) {
        return new ItemUpdate(item, gradient, newUsers, popularity, time, coVisit == null ? Map.of() : Map.of(coVisit, 1f));
    }

    private static ItemDelta delta(float[] gradient, int newUsers, double popularity, long time, String coVisit) {
        return ItemDelta.newBuilder().setGradient(VectorBytes.pack(gradient)).setNewUsers(newUsers)
                .setPopularity(popularity).setEventTimestamp(time)
                .setCoVisits(coVisit == null ? List.of() : List.of(new Neighbour(coVisit, 1f)))
                .build();
    }
}
