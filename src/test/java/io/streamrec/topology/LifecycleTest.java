package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.Lifecycle;
import io.streamrec.stores.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admission of rare ids and expiry of idle ones, through the whole topology. */
class LifecycleTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final long HOUR = 3_600_000;
    private TopologyTestDriver driver;
    private ItemIndex index;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestOutputTopic<String, Recommendations> recommendations;

    private void start(Lifecycle lifecycle) throws Exception {
        TopologySettings settings = DriverSettings.defaults().withLifecycle(lifecycle);
        Properties props = DriverSettings.wholeTopology();
        index = new ItemIndex(settings.model().dimensions());
        driver = new TopologyTestDriver(TopologyFactory.build(settings, index), props, NOW);
        interactions = driver.createInputTopic(settings.topics().interactions(), new ByteArraySerializer(),
                new ByteArraySerializer());
        recommendations = driver.createOutputTopic(settings.topics().recommendations(), new StringDeserializer(),
                AvroSerdes.RECOMMENDATIONS.deserializer());
        TestInputTopic<String, Item> items = driver.createInputTopic(settings.topics().items(), new StringSerializer(),
                AvroSerdes.ITEM.serializer());
        for (int i = 0; i < 20; i++) {
            String id = "item-" + i;
            items.pipeInput(id, Item.newBuilder().setId(id).setTitle("Item " + i).setCategories(List.of("c")).build());
        }
        publish();
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aUserBelowTheMinimumEventsGetsTrendingUntilAdmitted() throws Exception {
        start(new Lifecycle(3, 1, 0, 0, 60_000));
        KeyValueStore<String, UserState> users = driver.getKeyValueStore(StoreNames.USER_STATE);
        send("alice", "item-1", EventType.PURCHASE, NOW);
        send("alice", "item-2", EventType.PURCHASE, NOW);
        assertThat(users.get("alice").getEvents()).isEqualTo(2);
        assertThat(users.get("alice").getVector().remaining()).as("no vector yet").isZero();
        assertThat(recommendations.readValuesToList()).hasSize(2)
                .allSatisfy(list -> assertThat(list.getPersonalized()).isFalse());

        send("alice", "item-3", EventType.PURCHASE, NOW);
        assertThat(users.get("alice").getVector().remaining()).isPositive();
        Recommendations admitted = recommendations.readValue();
        assertThat(admitted.getPersonalized()).isTrue();
        assertThat(admitted.getItems()).extracting(item -> item.getItem())
                .doesNotContain("item-1", "item-2", "item-3");
    }

    @Test
    void anItemTooFewUsersTouchedStaysOutOfEveryIndex() throws Exception {
        start(new Lifecycle(1, 2, 0, 0, 60_000));
        assertThat(index.contains("item-0")).as("catalogued items enter at once").isTrue();
        send("alice", "rare-item", EventType.CLICK, NOW);
        publish();
        assertThat(index.contains("rare-item")).isFalse();

        send("bob", "rare-item", EventType.CLICK, NOW);
        publish();
        assertThat(index.contains("rare-item")).isTrue();
    }

    @Test
    void aUserIdleLongerThanTheTtlIsForgottenEverywhere() throws Exception {
        start(new Lifecycle(1, 1, HOUR, 0, 1_000));
        KeyValueStore<String, UserState> users = driver.getKeyValueStore(StoreNames.USER_STATE);
        send("alice", "item-1", EventType.PURCHASE, NOW);
        send("bob", "item-2", EventType.PURCHASE, NOW.plusMillis(2 * HOUR));
        recommendations.readRecordsToList();

        driver.advanceWallClockTime(Duration.ofMillis(1_100));
        assertThat(users.get("alice")).as("idle for two hours").isNull();
        assertThat(users.get("bob")).isNotNull();
        List<KeyValue<String, Recommendations>> emitted = recommendations.readKeyValuesToList();
        assertThat(emitted).anySatisfy(kv -> {
            assertThat(kv.key).isEqualTo("alice");
            assertThat(kv.value).as("a tombstone").isNull();
        });
        KeyValueStore<String, Long> seen = driver.getKeyValueStore(StoreNames.USER_SEEN);
        assertThat(seen.get(StoreNames.seenKey("alice", "item-1"))).isNull();
    }

    @Test
    void anUncataloguedItemIdleLongerThanTheTtlLeavesEveryIndex() throws Exception {
        start(new Lifecycle(1, 1, 0, HOUR, 1_000));
        send("alice", "passing-item", EventType.CLICK, NOW);
        publish();
        assertThat(index.contains("passing-item")).isTrue();

        send("bob", "item-4", EventType.CLICK, NOW.plusMillis(2 * HOUR));
        publish();
        driver.advanceWallClockTime(Duration.ofMillis(1_100));
        assertThat(index.contains("passing-item")).isFalse();
        assertThat(index.contains("item-4")).isTrue();
        assertThat(index.contains("item-1")).as("catalogued items stay until the catalogue deletes them").isTrue();
    }

    /** Lets the user side send its summed deltas and the item side publish what changed. */
    private void publish() {
        driver.advanceWallClockTime(Duration.ofMillis(200));
        driver.advanceWallClockTime(Duration.ofMillis(200));
    }

    private void send(String user, String item, EventType type, Instant at) {
        interactions.pipeInput(TopologyTest.key(user),
                AvroSerdes.INTERACTION.encode(TopologyTest.event(user, item, type).setTimestamp(at).build()));
    }
}
