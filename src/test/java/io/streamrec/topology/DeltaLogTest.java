package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.Neighbour;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.events.AvroSerdes;
import io.streamrec.stores.VectorBytes;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Deltas are kept a record per arrival and each item gets one sum of what it is owed. */
class DeltaLogTest {
    private static final long HALF_LIFE = 1000;

    @Test
    void drainSumsPerItemWhatTheEventsOwedInTheOrderItemsWereFirstOwed() {
        KeyValueStore<Long, OwedDeltas> store = store();
        DeltaLog outbox = new DeltaLog(store, HALF_LIFE);
        ItemDelta a1 = delta(new float[] {1f, 2f}, 1, 2.0, 100, "x");
        ItemDelta b1 = delta(new float[] {0.5f, 0f}, 0, 0.0, 100, null);
        ItemDelta a2 = delta(new float[] {-1f, 1f}, 1, 1.0, 1100, "y");
        outbox.add(List.of("a", "b"), List.of(a1, b1));
        outbox.add(List.of("a"), List.of(a2));
        outbox.add(List.of(), List.of());

        List<KeyValue<String, ItemDelta>> owed = outbox.drain();

        assertThat(owed).extracting(kv -> kv.key).containsExactly("a", "b");
        assertThat(owed.get(0).value).isEqualTo(ModelCodec.combine(a1, a2, HALF_LIFE));
        assertThat(owed.get(0).value.getPopularity()).isEqualTo(2.0 / 2 + 1.0); // one half-life later
        assertThat(owed.get(1).value).isEqualTo(b1);
        assertThat(outbox.drain()).as("sent once").isEmpty();
        try (var left = store.all()) {
            assertThat(left.hasNext()).as("records of sent events are deleted").isFalse();
        }
    }

    @Test
    void numberingGoesOnAfterWhatARestoredStoreHolds() {
        KeyValueStore<Long, OwedDeltas> store = store();
        new DeltaLog(store, HALF_LIFE).add(List.of("a"), List.of(delta(new float[] {1f}, 1, 1.0, 5, null)));
        // A restart over the restored store must not overwrite the event it still owes.
        DeltaLog restarted = new DeltaLog(store, HALF_LIFE);
        restarted.add(List.of("a"), List.of(delta(new float[] {2f}, 0, 0.0, 6, null)));

        List<KeyValue<String, ItemDelta>> owed = restarted.drain();

        assertThat(owed).hasSize(1);
        assertThat(VectorBytes.unpack(owed.get(0).value.getGradient())).containsExactly(3f);
        assertThat(owed.get(0).value.getNewUsers()).isEqualTo(1);
    }

    @Test
    void aDiscardedItemIsOwedNothingAndTheOthersKeepTheirs() {
        DeltaLog log = new DeltaLog(store(), HALF_LIFE);
        ItemDelta b = delta(new float[] {1f}, 1, 1.0, 5, null);
        log.add(List.of("gone", "b"), List.of(delta(new float[] {1f}, 1, 1.0, 5, null), b));
        log.add(List.of("gone"), List.of(delta(new float[] {2f}, 1, 1.0, 6, null)));

        log.discard("gone");

        List<KeyValue<String, ItemDelta>> owed = log.drain();
        assertThat(owed).extracting(kv -> kv.key).containsExactly("b");
        assertThat(owed.get(0).value).isEqualTo(b);
    }

    private static KeyValueStore<Long, OwedDeltas> store() {
        return TestStores.inMemory("outbox", Serdes.Long(), AvroSerdes.OWED_DELTAS);
    }

    private static ItemDelta delta(float[] gradient, int newUsers, double popularity, long time, String coVisit) {
        return ItemDelta.newBuilder().setGradient(VectorBytes.pack(gradient)).setNewUsers(newUsers)
                .setPopularity(popularity).setEventTimestamp(time)
                .setCoVisits(coVisit == null ? List.of() : List.of(new Neighbour(coVisit, 1f)))
                .build();
    }
}
