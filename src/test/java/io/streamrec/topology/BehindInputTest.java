package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.stores.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** While the input is behind, learning goes on and refreshes wait, then list each user once for all they did. */
class BehindInputTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * So small a share that no refresh fits while behind: the test sees only what waits. Items are
     * published one interval in four while behind.
     */
    private final TopologySettings settings = DriverSettings.defaults()
            .withRefresh(DriverSettings.defaults().refresh().withBehindShare(1e-12)
                    .withItemPublishIntervalBehindMs(4 * DriverSettings.defaults().refresh().itemPublishIntervalMs()));
    private final Topics topics = settings.topics();
    private volatile boolean behind;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> interactions;
    private TestOutputTopic<String, Recommendations> recommendations;

    @BeforeEach
    void start() throws Exception {
        Properties props = DriverSettings.wholeTopology();
        SharedModel model = SharedModel.of(settings.model(), new ItemIndex(settings.model().dimensions()));
        driver = new TopologyTestDriver(TopologyFactory.build(settings, model, TopologyMetrics.NONE, () -> behind),
                props, NOW);
        interactions = driver.createInputTopic(topics.interactions(), new ByteArraySerializer(),
                new ByteArraySerializer());
        TestInputTopic<String, Item> items = driver.createInputTopic(topics.items(), new StringSerializer(),
                AvroSerdes.ITEM.serializer());
        recommendations = driver.createOutputTopic(topics.recommendations(), new StringDeserializer(),
                AvroSerdes.RECOMMENDATIONS.deserializer());
        for (int i = 0; i < 20; i++) {
            items.pipeInput("item-" + i, Item.newBuilder().setId("item-" + i).setTitle("Item " + i).build());
        }
        driver.advanceWallClockTime(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void behindTheInputEveryEventIsLearnedAndEachUserIsListedOnceForAllOfThemWhenItCatchesUp() {
        behind = true;
        for (int round = 0; round < 3; round++) {
            for (String user : List.of("ann", "ben", "cy")) {
                send(user, "item-" + (round * 3 + user.length() + user.charAt(0) % 5), EventType.CLICK);
            }
            send("ann", "item-19", round == 2 ? EventType.PURCHASE : EventType.VIEW);
            driver.advanceWallClockTime(Duration.ofMillis(300));
        }
        KeyValueStore<String, UserState> users = driver.getKeyValueStore(StoreNames.USER_STATE);
        assertThat(users.get("ann").getEvents()).as("learning never waits").isEqualTo(6);
        assertThat(users.get("ben").getEvents()).isEqualTo(3);
        assertThat(recommendations.isEmpty()).as("refreshes, a purchase's too, wait while behind").isTrue();

        behind = false;
        driver.advanceWallClockTime(Duration.ofMillis(100));
        Map<String, Recommendations> lists = recommendations.readValuesToList().stream()
                .collect(Collectors.toMap(Recommendations::getUser, Function.identity()));
        assertThat(lists).as("one list per user, no more").hasSize(3);
        assertThat(lists.get("ann").getEventsSeen()).isEqualTo(6);
        assertThat(lists.get("cy").getEventsSeen()).isEqualTo(3);
    }

    @Test
    void keepingUpAPurchaseIsListedAtOnceAndOtherEventsWithinTheDebounce() {
        send("dee", "item-3", EventType.PURCHASE);
        assertThat(recommendations.readValue().getEventsSeen()).isEqualTo(1);
        send("dee", "item-4", EventType.VIEW);
        driver.advanceWallClockTime(Duration.ofMillis(100));
        assertThat(recommendations.readValue().getEventsSeen()).isEqualTo(2);
    }

    @Test
    void behindTheInputItemsArePublishedOneIntervalInFourWithAllTheyWereOwed() {
        behind = true;
        send("ann", "item-1", EventType.CLICK);
        send("ben", "item-1", EventType.CLICK);
        passIntervals(3);
        assertThat(distinctUsers("item-1")).as("three intervals: neither sent nor published yet").isZero();
        passIntervals(5);
        assertThat(distinctUsers("item-1")).as("nothing owed is lost by waiting").isEqualTo(2);
    }

    @Test
    void keepingUpItemsArePublishedEveryInterval() {
        send("ann", "item-1", EventType.CLICK);
        send("ben", "item-1", EventType.CLICK);
        passIntervals(2);
        assertThat(distinctUsers("item-1")).isEqualTo(2);
    }

    /** Wall-clock punctuations fire once per advance, however far it goes: one interval at a time. */
    private void passIntervals(int intervals) {
        for (int i = 0; i < intervals; i++) {
            driver.advanceWallClockTime(Duration.ofMillis(settings.refresh().itemPublishIntervalMs()));
        }
    }

    private long distinctUsers(String item) {
        KeyValueStore<String, EncodedItem> items = driver.getKeyValueStore(StoreNames.ITEM_STATE);
        return EncodedItem.decode(items.get(item)).getDistinctUsers();
    }

    private void send(String user, String item, EventType type) {
        interactions.pipeInput(TopologyTest.key(user),
                AvroSerdes.INTERACTION.encode(TopologyTest.event(user, item, type).build()));
    }
}
