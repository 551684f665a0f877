package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two Kafka Streams clients an instance runs, built as production builds them
 * ({@link TopologyFactory#userSide} and {@link TopologyFactory#itemSide}, sharing one item index),
 * each under its own driver. The test carries the records between them that the broker carries
 * in production: item deltas from the user side to the item side, item vectors back.
 */
class TwoClientsTopologyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PAST_PUBLISH_AND_DEBOUNCE = Duration.ofMillis(300);
    private final TopologySettings settings = DriverSettings.defaults();
    private final Topics topics = settings.topics();
    private final ItemIndex index = new ItemIndex(settings.model().dimensions());
    private final SharedModel model = SharedModel.of(settings.model(), index);
    private final Topology userTopology = TopologyFactory.userSide(settings, model, TopologyMetrics.NONE);
    private final Topology itemTopology = TopologyFactory.itemSide(settings, model, TopologyMetrics.NONE);
    private ClientDrivers clients;

    @BeforeEach
    void start() {
        clients = new ClientDrivers(userTopology, itemTopology, topics, NOW);
    }

    @AfterEach
    void stop() {
        clients.close();
    }

    @Test
    void eachClientReadsOnlyTheTopicsOfItsSide() {
        assertThat(sourceTopics(userTopology)).containsExactlyInAnyOrder(topics.interactions(), topics.rekeyed(),
                topics.itemState(), topics.rankerWeights());
        assertThat(sourceTopics(itemTopology))
                .containsExactlyInAnyOrder(topics.items(), topics.itemDeltas(), topics.rankerExamples());
        assertThat(userTopology.describe().globalStores()).as("the item index and the ranker").hasSize(2);
        assertThat(itemTopology.describe().globalStores()).isEmpty();
        assertThat(sinkTopics(itemTopology)).as("items are published by their state's changelog alone")
                .containsExactlyInAnyOrder(topics.rejected(), topics.rankerWeights());
    }

    @Test
    void anEventTravelsFromTheUserSideThroughTheItemSideIntoEveryIndexAndTheNextList() {
        // Each item in a category of its own: nothing but what the item side learns ties two clients.items.
        List<String> catalogue = List.of("shoe-1", "shoe-2", "hat-1", "bag-1", "bag-2", "belt-1", "sock-1", "cap-1");
        catalogue.forEach(id -> catalogue(id, "category-of-" + id));
        carryItemVectors();
        assertThat(index.size()).as("catalogue items indexed through the item-state changelog")
                .isEqualTo(catalogue.size());

        send("bob", "shoe-1", EventType.CLICK);
        send("bob", "shoe-2", EventType.PURCHASE);
        send("alice", "shoe-1", EventType.CLICK);
        clients.userSide.advanceWallClockTime(PAST_PUBLISH_AND_DEBOUNCE);
        List<KeyValue<String, OwedDeltas>> deltas = clients.deltasOut.readKeyValuesToList();
        assertThat(deltas).flatExtracting(batch -> batch.value.getItems()).contains("shoe-1", "shoe-2");

        clients.deltasIn.pipeKeyValueList(deltas);
        List<KeyValue<String, ItemVector>> vectors = carryItemVectors();
        ItemVector shoe = vectors.stream().filter(vector -> vector.key.equals("shoe-1"))
                .reduce((first, last) -> last).orElseThrow().value;
        assertThat(shoe.getDistinctUsers()).as("both users' deltas summed by the item side").isEqualTo(2);

        clients.recommendations.readRecordsToList();
        send("alice", "hat-1", EventType.VIEW);
        clients.userSide.advanceWallClockTime(PAST_PUBLISH_AND_DEBOUNCE);
        RecommendedItem top = clients.recommendations.readValue().getItems().get(0);
        assertThat(top.getItem()).as("bob's pair, learned through both clients, leads alice's list")
                .isEqualTo("shoe-2");
        assertThat(top.getSource()).isEqualTo("covisitation");
    }

    @Test
    void anIntervalsDeltasTravelAsOneRecordPerItemPartitionNotOnePerItem() {
        List<String> catalogue = List.of("shoe-1", "shoe-2", "hat-1", "bag-1", "bag-2", "belt-1");
        catalogue.forEach(id -> catalogue(id, "category-of-" + id));
        carryItemVectors();
        send("bob", "shoe-1", EventType.CLICK);
        clients.userSide.advanceWallClockTime(PAST_PUBLISH_AND_DEBOUNCE);
        clients.deltasIn.pipeKeyValueList(clients.deltasOut.readKeyValuesToList());

        send("bob", "shoe-2", EventType.CLICK);
        send("alice", "hat-1", EventType.CLICK);
        send("carol", "bag-1", EventType.VIEW);
        clients.userSide.advanceWallClockTime(PAST_PUBLISH_AND_DEBOUNCE);
        List<KeyValue<String, OwedDeltas>> deltas = clients.deltasOut.readKeyValuesToList();

        // The driver's topics have one partition: one record carries every item the interval owes.
        assertThat(deltas).hasSize(1);
        assertThat(deltas.get(0).value.getItems()).contains("shoe-2", "hat-1", "bag-1").doesNotHaveDuplicates();
        clients.deltasIn.pipeKeyValueList(deltas);
        Map<String, ItemVector> vectors = latest(carryItemVectors());
        assertThat(vectors.get("hat-1").getDistinctUsers()).as("alice's delta applied once").isEqualTo(1);
        assertThat(vectors.get("shoe-1").getDistinctUsers()).as("bob's first delta applied once").isEqualTo(1);
    }

    @Test
    void theItemSideStillAppliesADeltaSentAloneKeyedByItsItemAsEarlierReleasesSentThem() {
        catalogue("shoe-1", "shoes");
        carryItemVectors();
        TestInputTopic<String, ItemDelta> single = clients.itemSide.createInputTopic(topics.itemDeltas(),
                new StringSerializer(), AvroSerdes.ITEM_DELTA.serializer());

        single.pipeInput("shoe-1", ItemDelta.newBuilder().setGradient(ByteBuffer.allocate(0)).setNewUsers(1)
                .setPopularity(1.0).setEventTimestamp(NOW.toEpochMilli()).build());

        assertThat(latest(carryItemVectors()).get("shoe-1").getDistinctUsers()).isEqualTo(1);
    }

    private static Map<String, ItemVector> latest(List<KeyValue<String, ItemVector>> vectors) {
        Map<String, ItemVector> latest = new HashMap<>();
        vectors.forEach(vector -> latest.put(vector.key, vector.value));
        return latest;
    }

    @Test
    void theItemSideDeadLettersAMalformedCatalogueRecordAndKeepsGoing() {
        clients.items.pipeInput("broken".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        catalogue("shoe-1", "shoes");
        assertThat(clients.itemSideRejected.readValue().getReason()).startsWith("malformed Avro Item");
        assertThat(carryItemVectors()).extracting(vector -> vector.key).containsExactly("shoe-1");
    }

    private void catalogue(String id, String category) {
        Item item = Item.newBuilder().setId(id).setTitle(id).setCategories(List.of(category)).build();
        clients.items.pipeInput(id.getBytes(StandardCharsets.UTF_8), AvroSerdes.ITEM.encode(item));
    }

    private void send(String user, String item, EventType type) {
        Interaction event = Interaction.newBuilder().setUser(user).setItem(item).setType(type).setTimestamp(NOW)
                .build();
        clients.interactions.pipeInput(user.getBytes(StandardCharsets.UTF_8), AvroSerdes.INTERACTION.encode(event));
    }

    /** What the broker does between the clients: the item side's published vectors reach the index. */
    private List<KeyValue<String, ItemVector>> carryItemVectors() {
        return clients.carryItemVectors(PAST_PUBLISH_AND_DEBOUNCE);
    }

    /** The topics a topology reads, its global stores' included. */
    private static Set<String> sourceTopics(Topology topology) {
        TopologyDescription description = topology.describe();
        Stream<TopologyDescription.Node> nodes = Stream.concat(
                description.subtopologies().stream().flatMap(subtopology -> subtopology.nodes().stream()),
                description.globalStores().stream().map(TopologyDescription.GlobalStore::source));
        return nodes.filter(node -> node instanceof TopologyDescription.Source)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> sinkTopics(Topology topology) {
        return topology.describe().subtopologies().stream().flatMap(subtopology -> subtopology.nodes().stream())
                .filter(node -> node instanceof TopologyDescription.Sink)
                .map(node -> ((TopologyDescription.Sink) node).topic())
                .collect(Collectors.toSet());
    }
}
