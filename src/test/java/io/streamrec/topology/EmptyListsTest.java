package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.StoredList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
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

/**
 * A list with no items is never published: events can reach the user side before the item
 * index holds anything (start-up, restart), and a consumer caching lists by user would put the
 * empty one over its last good list.
 */
class EmptyListsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final TopologySettings settings = DriverSettings.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestInputTopic<String, Item> items;
    private TestOutputTopic<String, Recommendations> recommendations;

    @BeforeEach
    void startWithAnEmptyItemIndex() throws Exception {
        Properties props = DriverSettings.wholeTopology();
        driver = new TopologyTestDriver(TopologyFactory.build(settings, new ItemIndex(settings.model().dimensions())),
                props, NOW);
        interactions = driver.createInputTopic(settings.topics().interactions(), new ByteArraySerializer(),
                new ByteArraySerializer());
        items = driver.createInputTopic(settings.topics().items(), new StringSerializer(),
                AvroSerdes.ITEM.serializer());
        recommendations = driver.createOutputTopic(settings.topics().recommendations(), new StringDeserializer(),
                AvroSerdes.RECOMMENDATIONS.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void eventsBeforeTheItemIndexHoldsAnythingPublishNoListUntilThereIsOneToPublish() {
        send("alice", "item-1", EventType.CLICK);
        send("bob", "item-2", EventType.PURCHASE);
        driver.advanceWallClockTime(Duration.ofMillis(300));
        assertThat(recommendations.readValuesToList()).as("lists published with an empty item index").isEmpty();
        assertThat(lists().get("alice")).isNull();

        catalogue(10);
        List<Recommendations> published = recommendations.readValuesToList();
        assertThat(published).as("retried once the index holds items, without another event")
                .extracting(Recommendations::getUser).containsExactlyInAnyOrder("alice", "bob");
        assertThat(published).allSatisfy(list -> {
            assertThat(list.getPersonalized()).isTrue();
            assertThat(list.getItems()).isNotEmpty();
        });
    }

    @Test
    void anEmptyListNeverReplacesTheLastGoodOne() {
        catalogue(10);
        send("carol", "item-1", EventType.PURCHASE);
        Recommendations good = recommendations.readValue();
        assertThat(good.getItems()).isNotEmpty();

        for (int i = 0; i < 10; i++) {
            items.pipeInput("item-" + i, (Item) null);
        }
        driver.advanceWallClockTime(Duration.ofMillis(300));
        send("carol", "item-2", EventType.PURCHASE);
        driver.advanceWallClockTime(Duration.ofMillis(300));

        assertThat(recommendations.readValuesToList()).as("lists published once every item is gone").isEmpty();
        assertThat(lists().get("carol").decode().getItems()).extracting(RecommendedItem::getItem)
                .isEqualTo(good.getItems().stream().map(RecommendedItem::getItem).toList());
    }

    private void catalogue(int count) {
        for (int i = 0; i < count; i++) {
            String id = "item-" + i;
            items.pipeInput(id, Item.newBuilder().setId(id).setTitle("Item " + i).setCategories(List.of("c")).build());
        }
        driver.advanceWallClockTime(Duration.ofMillis(200));
        driver.advanceWallClockTime(Duration.ofMillis(200));
    }

    private KeyValueStore<String, StoredList> lists() {
        return driver.getKeyValueStore(StoreNames.RECOMMENDATIONS);
    }

    private void send(String user, String item, EventType type) {
        interactions.pipeInput(TopologyTest.key(user),
                AvroSerdes.INTERACTION.encode(TopologyTest.event(user, item, type).build()));
    }
}
