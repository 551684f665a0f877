package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ranker.RankerSettings;
import io.streamrec.topology.ClientDrivers;
import io.streamrec.topology.RefreshPolicy;
import io.streamrec.topology.Topics;
import io.streamrec.topology.TopologyFactory;
import io.streamrec.topology.TopologyMetrics;
import io.streamrec.topology.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * The replay measures what runs live: the same events, from the same catalogue, through the
 * topology (both clients, as production builds them, the broker's carrying done by hand) and
 * through the replay's model give every user the same list, item for item, after each round of
 * events and after what the round taught the items is published.
 */
class ReplayMatchesTopologyTest {
    private static final long PUBLISH_MS = 1000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int ITEMS = 16;
    private static final int USERS = 6;
    private static final int LIST = 10;
    /**
     * The fixed blend ranks. The learned ranker's versions reach lists when a trainer publishes them
     * live and one publish interval of event time later in the replay, which cannot coincide step
     * for step; its sharing is checked by RankerWeightsSharedTest.
     */
    private static final RankerSettings BLEND = new RankerSettings(false, 16, 0.01, 64, 256, 4096, 20);
    private final TopologySettings settings = TopologySettings.defaults()
            .withRefresh(RefreshPolicy.defaults().withItemPublishIntervalMs(PUBLISH_MS)).withRanker(BLEND);
    private final Topics topics = settings.topics();

    @Test
    void everyUsersListIsTheSameFromTheTopologyAndFromTheReplay() {
        List<CatalogueItem> catalogue = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            catalogue.add(new CatalogueItem(item(i), "Item " + i + (i % 2 == 0 ? " red" : " blue"),
                    List.of("category-" + i % 4)));
        }
        List<List<LoggedEvent>> rounds = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            rounds.add(round(round));
        }

        SharedModel live = SharedModel.of(settings.model(), new ItemIndex(settings.model().dimensions()));
        Topology userTopology = TopologyFactory.userSide(settings, live, TopologyMetrics.NONE);
        Topology itemTopology = TopologyFactory.itemSide(settings, live, TopologyMetrics.NONE);
        ReplayLog log = new ReplayLog(rounds.stream().flatMap(List::stream).toList());
        StreamrecSettings replaySettings = new StreamrecSettings(settings.model(), settings.weights(),
                settings.lifecycle(), PUBLISH_MS, ListPolicy.none(), BLEND,
                StreamrecSettings.of(settings.model(), settings.weights()).content());
        // The learner's negatives are drawn from a Random seeded by its task: the replay is given the same seed.
        long seed = new TaskId(learnerSubtopology(userTopology), 0).hashCode();

        try (Clients clients = new Clients(userTopology, itemTopology);
             StreamrecModel replay = new StreamrecModel(log, replaySettings, catalogue, List.of(), seed,
                     CatalogueFeed.Arrival.START)) {
            // One at a time, so the index gives items their slots in catalogue order, as the replay
            // does: the learner draws negatives by slot.
            for (CatalogueItem item : catalogue) {
                clients.describe(item);
                clients.publishItems();
            }
            Set<String> had = new HashSet<>();
            for (List<LoggedEvent> round : rounds) {
                long now = round.get(round.size() - 1).timestamp();
                for (LoggedEvent event : round) {
                    clients.send(event);
                    int user = log.users().find(event.user());
                    replay.learn(user, log.items().find(event.item()), event, had.add(event.user() + "|" + event.item()));
                }
                Map<String, List<String>> fromTopology = clients.refreshedLists();
                assertThat(fromTopology).as("every user of the round refreshed").hasSize(USERS);
                fromTopology.forEach((user, list) -> assertThat(list)
                        .as(user + "'s list at " + Instant.ofEpochMilli(now))
                        .containsExactlyElementsOf(names(log, replay.recommend(log.users().find(user), LIST, now))));
                clients.publishDeltas();
            }
        }
    }

    /** Users each taking two items of a round, so items co-occur differently from round to round. */
    private static List<LoggedEvent> round(int round) {
        List<LoggedEvent> events = new ArrayList<>();
        long at = START.toEpochMilli() + round * 10 * PUBLISH_MS;
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < 2; k++) {
                String item = item((3 * u + 5 * k + 7 * round) % ITEMS);
                events.add(new LoggedEvent("user-" + u, item, k == 0 ? "VIEW" : "CLICK", 1, at));
                at += 7;
            }
        }
        return events;
    }

    private static String item(int n) {
        return "item-" + n;
    }

    private static List<String> names(ReplayLog log, int[] items) {
        List<String> names = new ArrayList<>();
        for (int item : items) {
            names.add(log.items().name(item));
        }
        return names;
    }

    /** The sub-topology that reads `interactions`: validation and the learner, one task per partition. */
    private int learnerSubtopology(Topology topology) {
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            if (subtopology.nodes().stream().anyMatch(node -> node instanceof TopologyDescription.Source source
                    && source.topicSet().contains(topics.interactions()))) {
                return subtopology.id();
            }
        }
        throw new AssertionError("nothing reads interactions in the user side's topology");
    }

    /** The two clients, and what the broker carries between them. */
    private final class Clients implements AutoCloseable {
        private final ClientDrivers drivers;

        Clients(Topology userTopology, Topology itemTopology) {
            drivers = new ClientDrivers(userTopology, itemTopology, topics, START);
        }

        void describe(CatalogueItem item) {
            Item record = Item.newBuilder().setId(item.id()).setTitle(item.title()).setCategories(item.categories())
                    .build();
            drivers.items.pipeInput(item.id().getBytes(StandardCharsets.UTF_8), AvroSerdes.ITEM.encode(record));
        }

        void send(LoggedEvent event) {
            Interaction interaction = Interaction.newBuilder().setUser(event.user()).setItem(event.item())
                    .setType(EventType.valueOf(event.type())).setTimestamp(Instant.ofEpochMilli(event.timestamp()))
                    .build();
            drivers.interactions.pipeInput(event.user().getBytes(StandardCharsets.UTF_8),
                    AvroSerdes.INTERACTION.encode(interaction), Instant.ofEpochMilli(event.timestamp()));
        }

        /** Past the debounce, short of a publish interval: each user's newest list, from the index as it was. */
        Map<String, List<String>> refreshedLists() {
            drivers.userSide.advanceWallClockTime(Duration.ofMillis(100));
            Map<String, List<String>> latest = new LinkedHashMap<>();
            for (Recommendations list : drivers.recommendations.readValuesToList()) {
                latest.put(list.getUser(), list.getItems().stream().limit(LIST).map(RecommendedItem::getItem).toList());
            }
            return latest;
        }

        /** The user side sends what the round owes items; the item side sums and publishes it to the index. */
        void publishDeltas() {
            drivers.userSide.advanceWallClockTime(Duration.ofMillis(PUBLISH_MS));
            drivers.deltasIn.pipeKeyValueList(drivers.deltasOut.readKeyValuesToList());
            publishItems();
        }

        void publishItems() {
            drivers.carryItemVectors(Duration.ofMillis(PUBLISH_MS));
        }

        @Override
        public void close() {
            drivers.close();
        }
    }
}
