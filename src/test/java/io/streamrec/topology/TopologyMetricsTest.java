package io.streamrec.topology;

import static io.streamrec.topology.TopologyTest.event;
import static io.streamrec.topology.TopologyTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.online.SharedModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the topology reports to its {@link TopologyMetrics}, under TopologyTestDriver. */
class TopologyMetricsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final TopologySettings settings = DriverSettings.defaults();
    private final Recording metrics = new Recording();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestOutputTopic<String, Recommendations> recommendations;

    /** Remembers every call, in order. */
    static final class Recording implements TopologyMetrics {
        final Map<EventType, Integer> learned = new EnumMap<>(EventType.class);
        final Map<RejectCategory, Integer> deadLettered = new EnumMap<>(RejectCategory.class);
        final List<Long> refreshNanos = new ArrayList<>();
        final List<String> liveTests = new ArrayList<>();

        @Override
        public void learned(EventType type) {
            learned.merge(type, 1, Integer::sum);
        }

        @Override
        public void deadLettered(RejectCategory category) {
            deadLettered.merge(category, 1, Integer::sum);
        }

        @Override
        public void refreshed(long nanos) {
            refreshNanos.add(nanos);
        }

        @Override
        public boolean measuresLiveQuality() {
            return true;
        }

        @Override
        public void liveTest(EventType type, int rank) {
            liveTests.add(type + "@" + rank);
        }
    }

    @BeforeEach
    void start() throws Exception {
        Properties props = DriverSettings.wholeTopology();
        driver = new TopologyTestDriver(TopologyFactory.build(settings, SharedModel.empty(settings.model(), true),
                metrics), props, NOW);
        interactions = driver.createInputTopic(settings.topics().interactions(), new ByteArraySerializer(),
                new ByteArraySerializer());
        recommendations = driver.createOutputTopic(settings.topics().recommendations(), new StringDeserializer(),
                AvroSerdes.RECOMMENDATIONS.deserializer());
        TestInputTopic<String, Item> items = driver.createInputTopic(settings.topics().items(), new StringSerializer(),
                AvroSerdes.ITEM.serializer());
        for (int i = 0; i < 20; i++) {
            items.pipeInput("item-" + i, Item.newBuilder().setId("item-" + i).setTitle("Item " + i).build());
        }
        // An item record whose key is not its id: an item-side dead letter.
        items.pipeInput("item-x", Item.newBuilder().setId("item-y").build());
        driver.advanceWallClockTime(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void learnedEventsAreCountedByTypeAndEachRefreshIsTimed() {
        send("alice", "item-1", EventType.VIEW);
        send("alice", "item-2", EventType.VIEW);
        send("alice", "item-3", EventType.CLICK);
        send("alice", "item-4", EventType.PURCHASE);

        assertThat(metrics.learned).containsExactlyInAnyOrderEntriesOf(Map.of(EventType.VIEW, 2, EventType.CLICK, 1,
                EventType.PURCHASE, 1));
        assertThat(metrics.refreshNanos).as("the purchase refreshed at once").hasSize(1)
                .allSatisfy(nanos -> assertThat(nanos).isPositive());
    }

    @Test
    void deadLettersOfBothSidesAreCountedByCategory() {
        interactions.pipeInput(key("eve"), "not avro".getBytes(StandardCharsets.UTF_8));
        send("eve", "", EventType.CLICK);
        send("eve", "item-1", EventType.UNKNOWN);
        interactions.pipeInput(key("eve"), AvroSerdes.INTERACTION.encode(event("eve", "item-1", EventType.VIEW)
                .setTimestamp(Instant.ofEpochSecond(1_700_000_000)).build()));
        interactions.pipeInput(key("eve"), AvroSerdes.INTERACTION.encode(event("eve", "item-1", EventType.VIEW)
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000)).build()));

        assertThat(metrics.deadLettered).containsExactlyInAnyOrderEntriesOf(Map.of(RejectCategory.MALFORMED, 1,
                RejectCategory.BAD_ID, 1, RejectCategory.UNKNOWN_TYPE, 1, RejectCategory.BAD_TIMESTAMP, 1,
                RejectCategory.BAD_KEY, 1));
        assertThat(metrics.learned).as("the 2023 event is valid").containsExactlyEntriesOf(Map.of(EventType.VIEW, 1));
    }

    @Test
    void eachEventOnANewItemTestsTheUsersLastListBeforeLearning() {
        send("bob", "item-1", EventType.PURCHASE);
        assertThat(metrics.liveTests).as("no list before the first event: not a test").isEmpty();
        Recommendations list = recommendations.readValue();
        List<String> ranked = list.getItems().stream().map(RecommendedItem::getItem).toList();

        send("bob", ranked.get(2), EventType.CLICK);
        send("bob", "item-1", EventType.VIEW);
        assertThat(metrics.liveTests).as("rank 3 in the list; a repeat of a seen item is not a test")
                .containsExactly("CLICK@3");

        driver.advanceWallClockTime(Duration.ofMillis(300));
        assertThat(recommendations.readValuesToList()).extracting(Recommendations::getItems).last()
                .satisfies(items -> assertThat(items).extracting(RecommendedItem::getItem).doesNotContain("item-new"));
        send("bob", "item-new", EventType.ADD_TO_CART);
        assertThat(metrics.liveTests).containsExactly("CLICK@3", "ADD_TO_CART@0");
    }

    private void send(String user, String item, EventType type) {
        interactions.pipeInput(key(user), AvroSerdes.INTERACTION.encode(event(user, item, type).build()));
    }
}
