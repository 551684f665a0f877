package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.RejectedEvent;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.StoredList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final TopologySettings settings = DriverSettings.defaults();
    private final Topics topics = settings.topics();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestInputTopic<String, Item> items;
    private TestOutputTopic<String, Recommendations> recommendations;
    private TestOutputTopic<byte[], RejectedEvent> rejected;

    @BeforeEach
    void start() throws Exception {
        Properties props = DriverSettings.wholeTopology();
        driver = new TopologyTestDriver(TopologyFactory.build(settings, new ItemIndex(settings.model().dimensions())),
                props, NOW);
        interactions = driver.createInputTopic(topics.interactions(), new ByteArraySerializer(), new ByteArraySerializer());
        items = driver.createInputTopic(topics.items(), new StringSerializer(), AvroSerdes.ITEM.serializer());
        recommendations = driver.createOutputTopic(topics.recommendations(), new StringDeserializer(),
                AvroSerdes.RECOMMENDATIONS.deserializer());
        rejected = driver.createOutputTopic(topics.rejected(), new ByteArrayDeserializer(),
                AvroSerdes.REJECTED.deserializer());
        for (int i = 0; i < 20; i++) {
            String id = "item-" + i;
            items.pipeInput(id, Item.newBuilder().setId(id).setTitle("Item " + i)
                    .setCategories(List.of(i % 2 == 0 ? "even" : "odd")).build());
        }
        driver.advanceWallClockTime(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anEventChangesTheUserVectorAndEmitsRecommendations() {
        send("alice", "item-2", EventType.CLICK);
        assertThat(rejected.readValuesToList()).isEmpty();
        KeyValueStore<String, UserState> users = driver.getKeyValueStore(StoreNames.USER_STATE);
        UserState state = users.get("alice");
        assertThat(state).isNotNull();
        assertThat(state.getEvents()).isEqualTo(1);
        assertThat(state.getVector().remaining()).isEqualTo(settings.model().dimensions() * Float.BYTES);
        assertThat(recommendations.isEmpty()).as("debounced: nothing before the window closes").isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(300));
        Recommendations list = recommendations.readValue();
        assertThat(list.getUser()).isEqualTo("alice");
        assertThat(list.getPersonalized()).isTrue();
        assertThat(list.getItems()).isNotEmpty().allSatisfy(item -> assertThat(item.getReason()).isNotBlank());
        assertThat(list.getEventsSeen()).isEqualTo(1);

        send("alice", "item-4", EventType.VIEW);
        UserState after = users.get("alice");
        assertThat(after.getVector()).isNotEqualTo(state.getVector());
        assertThat(after.getRecentItems()).containsExactly("item-4", "item-2");
        assertThat(after.getRecentTypes()).as("kept for the reasons' verbs").containsExactly("VIEW", "CLICK");
    }

    @Test
    void aBurstOfEventsYieldsOneRefreshAndAPurchaseRefreshesAtOnce() {
        send("bob", "item-1", EventType.VIEW);
        send("bob", "item-3", EventType.VIEW);
        send("bob", "item-5", EventType.CLICK);
        driver.advanceWallClockTime(Duration.ofMillis(300));
        assertThat(recommendations.readRecordsToList()).hasSize(1);

        send("bob", "item-7", EventType.PURCHASE);
        assertThat(recommendations.readValue().getEventsSeen()).isEqualTo(4);
    }

    @Test
    void alreadySeenItemsAreNeverRecommended() {
        List<String> history = List.of("item-0", "item-2", "item-4", "item-6", "item-8", "item-10");
        history.forEach(item -> send("carol", item, EventType.VIEW));
        send("carol", "item-12", EventType.PURCHASE);
        Recommendations list = recommendations.readRecordsToList().get(0).value();
        assertThat(list.getItems()).extracting(RecommendedItem::getItem)
                .doesNotContainAnyElementsOf(history).doesNotContain("item-12")
                .hasSize(20 - history.size() - 1);
    }

    @Test
    void unavailableItemsAreNeverRecommended() {
        items.pipeInput("item-9", Item.newBuilder().setId("item-9").setAvailable(false).build());
        driver.advanceWallClockTime(Duration.ofMillis(200));
        send("dave", "item-1", EventType.PURCHASE);
        assertThat(recommendations.readValue().getItems()).extracting(RecommendedItem::getItem)
                .doesNotContain("item-9", "item-1");
    }

    @Test
    void malformedEventsAreDeadLetteredAndProcessingContinues() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        interactions.pipeInput("eve".getBytes(StandardCharsets.UTF_8), garbage);
        send("eve", "", EventType.CLICK);
        send("eve", "item-1", EventType.UNKNOWN);
        interactions.pipeInput(key("eve"), AvroSerdes.INTERACTION.encode(event("eve", "item-1", EventType.VIEW)
                .setValue(Double.NaN).build()));
        send("eve", "item-1", EventType.PURCHASE);

        List<RejectedEvent> dead = rejected.readValuesToList();
        assertThat(dead).extracting(RejectedEvent::getReason).satisfiesExactly(
                r -> assertThat(r).startsWith("malformed Avro Interaction"),
                r -> assertThat(r).isEqualTo("item id is empty"),
                r -> assertThat(r).isEqualTo("unknown event type"),
                r -> assertThat(r).isEqualTo("value is not finite: NaN"));
        assertThat(dead.get(0).getTopic()).isEqualTo(topics.interactions());
        assertThat(dead.get(0).getOffset()).isZero();
        assertThat(dead.get(0).getValue().array()).isEqualTo(garbage);
        assertThat(recommendations.readValue().getEventsSeen()).isEqualTo(1);
    }

    @Test
    void eventsKeyedByAnotherIdReachTheUserThroughTheRekeyTopic() {
        interactions.pipeInput(key("session-42"), AvroSerdes.INTERACTION.encode(
                event("frank", "item-3", EventType.PURCHASE).build()));
        Recommendations list = recommendations.readValue();
        assertThat(list.getUser()).isEqualTo("frank");
    }

    @Test
    void aRekeyedEventReportsWhereItSatInInteractionsNotInTheInternalTopic() {
        send("hana", "item-1", EventType.PURCHASE);
        send("hana", "item-2", EventType.PURCHASE);
        recommendations.readValuesToList();
        // Offset 2 of `interactions`, but the first record of the re-keying topic.
        interactions.pipeInput(key("session-7"), AvroSerdes.INTERACTION.encode(
                event("hana", "item-3", EventType.PURCHASE).build()));
        Recommendations list = recommendations.readValue();
        assertThat(list.getEventsSeen()).isEqualTo(3);
        assertThat(list.getLastEventPartition()).isZero();
        assertThat(list.getLastEventOffset()).isEqualTo(2);
    }

    @Test
    void aUserTombstoneDeletesTheUserEverywhere() {
        send("gina", "item-1", EventType.PURCHASE);
        recommendations.readValue();
        interactions.pipeInput(key("gina"), (byte[]) null);
        assertThat(recommendations.readKeyValue().value).isNull();
        KeyValueStore<String, UserState> users = driver.getKeyValueStore(StoreNames.USER_STATE);
        KeyValueStore<String, Long> seen = driver.getKeyValueStore(StoreNames.USER_SEEN);
        KeyValueStore<String, StoredList> lists = driver.getKeyValueStore(StoreNames.RECOMMENDATIONS);
        assertThat(users.get("gina")).isNull();
        assertThat(seen.get(StoreNames.seenKey("gina", "item-1"))).isNull();
        assertThat(lists.get("gina")).isNull();
    }

    @Test
    void anItemTombstoneRefreshesEveryListNamingTheItemWithoutIt() {
        send("hana", "item-1", EventType.PURCHASE);
        send("ivan", "item-3", EventType.PURCHASE);
        Map<String, Recommendations> before = new java.util.HashMap<>();
        recommendations.readKeyValuesToList().forEach(kv -> before.put(kv.key, kv.value));
        assertThat(before.get("hana").getItems()).extracting(RecommendedItem::getItem).contains("item-8");
        assertThat(before.get("ivan").getItems()).extracting(RecommendedItem::getItem).contains("item-8");

        items.pipeInput("item-8", (Item) null);
        driver.advanceWallClockTime(Duration.ofMillis(200));
        Map<String, Recommendations> after = new java.util.HashMap<>();
        recommendations.readKeyValuesToList().forEach(kv -> after.put(kv.key, kv.value));
        assertThat(after).containsOnlyKeys("hana", "ivan");
        after.values().forEach(list -> assertThat(list.getItems()).extracting(RecommendedItem::getItem)
                .isNotEmpty().doesNotContain("item-8"));
        KeyValueStore<String, StoredList> lists = driver.getKeyValueStore(StoreNames.RECOMMENDATIONS);
        assertThat(lists.get("hana").decode().getItems()).extracting(RecommendedItem::getItem).doesNotContain("item-8");
    }

    private void send(String user, String item, EventType type) {
        interactions.pipeInput(key(user), AvroSerdes.INTERACTION.encode(event(user, item, type).build()));
    }

    static Interaction.Builder event(String user, String item, EventType type) {
        return Interaction.newBuilder().setUser(user).setItem(item).setType(type).setTimestamp(NOW);
    }

    static byte[] key(String user) {
        return user.getBytes(StandardCharsets.UTF_8);
    }
}
