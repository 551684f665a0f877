package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.online.SharedModel;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.StoredList;
import io.streamrec.stores.UserStateCodec;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * Who awaits a refresh is not stored: a task that starts over stores in which a user's state is
 * newer than their list (a stop between an event and its debounced refresh, a crash, a
 * rebalance) refreshes that user at once, and no one else.
 */
class PendingRefreshTest {
    private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private final TopologySettings settings = DriverSettings.defaults();
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, UserState> users = store(StoreNames.USER_STATE, AvroSerdes.USER_STATE);
    private final KeyValueStore<String, StoredList> lists = store(StoreNames.RECOMMENDATIONS, StoredList.SERDE);

    PendingRefreshTest() {
        store(StoreNames.USER_SEEN, Serdes.Long());
        store(StoreNames.USER_EVENT_OUTBOX, Serdes.Long(), OwedRecord.SERDE);
    }

    @Test
    void aStartingTaskRefreshesExactlyTheUsersWhoseListLagsTheirState() {
        users.put("alice", state("i1", 7));
        lists.put("alice", list("alice", 5));
        users.put("bob", state("i2", 3));
        lists.put("bob", list("bob", 3));
        users.put("carol", state("i3", 4));
        ItemIndex index = new ItemIndex(settings.model().dimensions());
        for (int i = 0; i < 10; i++) {
            index.upsert(new ItemRecord("i" + i, ItemIndex.noise("i" + i, index.dimensions(), 0.1f),
                    settings.model().neighbours()));
        }
        context.setCurrentSystemTimeMs(NOW);
        context.setCurrentStreamTimeMs(NOW);

        new UserLearner(settings, SharedModel.of(settings.model(), index), TopologyMetrics.NONE, new ItemPartitions(),
                InputLoad.KEEPING_UP, RefreshBudget.perThread(settings.refresh().behindShare(), InputLoad.KEEPING_UP))
                .init(context);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW);

        assertThat(context.forwarded()).extracting(record -> String.valueOf(record.record().key()))
                .containsExactlyInAnyOrder("alice", "carol");
        assertThat(lists.get("alice").decode().getLastEventOffset()).isEqualTo(7);
        assertThat(lists.get("bob").decode().getLastEventOffset()).as("already current: untouched").isEqualTo(3);
    }

    private static UserState state(String item, long offset) {
        UserProfile profile = UserProfile.empty();
        profile.touch(item, "PURCHASE", 20);
        profile.events = 1;
        profile.lastEventTimestamp = NOW;
        return UserStateCodec.userState(profile, 0, offset);
    }

    private static StoredList list(String user, long offset) {
        return StoredList.of(Recommendations.newBuilder().setUser(user).setItems(List.of()).setPersonalized(false)
                .setModelVersion("v").setGeneratedAt(Instant.ofEpochMilli(NOW))
                .setLastEventTimestamp(Instant.ofEpochMilli(NOW)).setLastEventPartition(0)
                .setLastEventOffset(offset).setEventsSeen(1).build());
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        return store(name, Serdes.String(), values);
    }

    private <K, V> KeyValueStore<K, V> store(String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                keys, values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
