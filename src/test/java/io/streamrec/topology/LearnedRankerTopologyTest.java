package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.model.ranker.PopularityOrder;
import io.streamrec.model.ranker.RankerSettings;
import io.streamrec.model.ranker.RankerWeights;
import io.streamrec.model.ranker.RankingExample;
import io.streamrec.model.ranker.YoungUserPicks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The learned ranker live: users' picks become examples on ranker-examples, the one trainer
 * steps on them and publishes versioned weights to ranker-weights, and every instance's global
 * store installs them in the model its lists are ranked by.
 */
class LearnedRankerTopologyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PAST_PUBLISH_AND_DEBOUNCE = Duration.ofMillis(300);
    /** A step every 2 examples on batches of 4: the first weights after a handful of picks. */
    private final TopologySettings settings = DriverSettings.defaults()
            .withRanker(new RankerSettings(true, 4, 0.05, 2, 4, 8, 3));
    private final Topics topics = settings.topics();
    private final SharedModel model = SharedModel.of(settings.model(), new ItemIndex(settings.model().dimensions()));
    private TopologyTestDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void picksTrainTheRankerWhoseWeightsReachTheModelListsAreRankedBy() throws Exception {
        driver = new TopologyTestDriver(TopologyFactory.build(settings, model, TopologyMetrics.NONE), properties(), NOW);
        TestInputTopic<byte[], byte[]> items = driver.createInputTopic(topics.items(), new ByteArraySerializer(),
                new ByteArraySerializer());
        TestInputTopic<byte[], byte[]> interactions = driver.createInputTopic(topics.interactions(),
                new ByteArraySerializer(), new ByteArraySerializer());
        TestOutputTopic<byte[], byte[]> examples = driver.createOutputTopic(topics.rankerExamples(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TestOutputTopic<byte[], byte[]> weights = driver.createOutputTopic(topics.rankerWeights(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (int i = 0; i < 12; i++) {
            Item item = Item.newBuilder().setId("item-" + i).setTitle("Item " + i).setCategories(List.of("c" + i % 3))
                    .build();
            items.pipeInput(item.getId().getBytes(StandardCharsets.UTF_8), AvroSerdes.ITEM.encode(item));
        }
        driver.advanceWallClockTime(PAST_PUBLISH_AND_DEBOUNCE);
        assertThat(model.ranker().get()).as("the blend ranks until the first weights arrive").isNull();

        for (int round = 0; round < 4; round++) {
            for (int u = 0; u < 6; u++) {
                String user = "user-" + u;
                Interaction event = Interaction.newBuilder().setUser(user).setItem("item-" + (u + round * 2) % 12)
                        .setType(EventType.VIEW).setTimestamp(NOW.plusSeconds(round)).build();
                interactions.pipeInput(user.getBytes(StandardCharsets.UTF_8), AvroSerdes.INTERACTION.encode(event));
            }
            driver.advanceWallClockTime(PAST_PUBLISH_AND_DEBOUNCE);
        }

        List<RankingExample> all = examples.readValuesToList().stream().map(RankingExample::fromBytes).toList();
        List<RankingExample> sent = all.stream().filter(RankingExample::isRanking).toList();
        assertThat(sent).as("a returning user's pick among their candidates").isNotEmpty();
        assertThat(sent.get(0).candidates()).isEqualTo(settings.ranker().negatives() + 1);
        assertThat(all).extracting(RankingExample::young).as("lists of all twelve items held every pick: young"
                + " users' picks that both their lists held say nothing and are not sent").containsOnlyNulls();
        long newUserPicks = all.stream().filter(RankingExample::isNewUserPick).count();
        assertThat(newUserPicks).as("the six users' first picks, from lists of all twelve items").isEqualTo(6);
        List<RankerWeights> published = weights.readValuesToList().stream().map(RankerWeights::fromBytes).toList();
        assertThat(published).as("a step every two examples once a batch is there")
                .hasSizeGreaterThanOrEqualTo((sent.size() - settings.ranker().batch()) / settings.ranker().stepEvery());
        assertThat(published).extracting(RankerWeights::version).isSorted().doesNotHaveDuplicates();
        assertThat(model.ranker().get().version()).as("the newest weights installed through the global store")
                .isEqualTo(published.get(published.size() - 1).version());
        assertThat(model.ranker().get().newUsers().hits()[PopularityOrder.TRENDING.ordinal()])
                .as("the new users' picks went out with the weights").isEqualTo(newUserPicks);
        assertThat(model.ranker().get().youngUsers()).isEqualTo(YoungUserPicks.NONE);
    }

    private static Properties properties() throws Exception {
        Properties props = DriverSettings.wholeTopology();
        return props;
    }
}
