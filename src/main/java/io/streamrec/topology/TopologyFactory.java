package io.streamrec.topology;

import static io.streamrec.topology.NodeNames.CATALOG;
import static io.streamrec.topology.NodeNames.INTERACTIONS_SOURCE;
import static io.streamrec.topology.NodeNames.ITEMS_SOURCE;
import static io.streamrec.topology.NodeNames.ITEM_DELTAS_SINK;
import static io.streamrec.topology.NodeNames.ITEM_DELTAS_SOURCE;
import static io.streamrec.topology.NodeNames.ITEM_INDEX_FEED;
import static io.streamrec.topology.NodeNames.ITEM_REJECTED_SINK;
import static io.streamrec.topology.NodeNames.ITEM_STATE_SOURCE;
import static io.streamrec.topology.NodeNames.RANKER_EXAMPLES_SINK;
import static io.streamrec.topology.NodeNames.RANKER_EXAMPLES_SOURCE;
import static io.streamrec.topology.NodeNames.RANKER_WEIGHTS_FEED;
import static io.streamrec.topology.NodeNames.RANKER_WEIGHTS_SINK;
import static io.streamrec.topology.NodeNames.RANKER_WEIGHTS_SOURCE;
import static io.streamrec.topology.NodeNames.TRAIN_RANKER;
import static io.streamrec.topology.NodeNames.LEARN_ITEM;
import static io.streamrec.topology.NodeNames.LEARN_USER;
import static io.streamrec.topology.NodeNames.RECOMMENDATIONS_SINK;
import static io.streamrec.topology.NodeNames.REKEYED_SOURCE;
import static io.streamrec.topology.NodeNames.REKEY_SINK;
import static io.streamrec.topology.NodeNames.USER_REJECTED_SINK;
import static io.streamrec.topology.NodeNames.VALIDATE;

import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.StoredList;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the whole streamrec topology as a pure function of its settings, so the same code
 * runs under TopologyTestDriver, on the in-process broker and in production.
 *
 * <pre>
 * interactions ─► validate ─┬─► learn-user ──► item-deltas ─► learn-item ◄─ catalog ◄─ items
 *                           │   (user-state,    recommendations   (item-state)
 *   interactions-by-user ◄──┘    user-seen, ...)                       │
 *   (re-keyed by user) ─────────►  ▲                    item-state changelog ─► item-index (global)
 * </pre>
 */
public final class TopologyFactory {
    private TopologyFactory() {}

    /** The whole topology over {@code index}, ranking through a model of its own, reporting nowhere. */
    public static Topology build(TopologySettings settings, ItemIndex index) {
        return build(settings, SharedModel.of(settings.model(), index), TopologyMetrics.NONE);
    }

    /**
     * The whole topology in one, reporting to {@code metrics} (events learned, dead letters,
     * refreshes, live hits): what {@code TopologyTestDriver} runs. A deployment runs the same two
     * halves as {@link #userSide} and {@link #itemSide}. Run it under the item side's application
     * id ({@link Topics#itemSideApplicationId()}): its item index reads the item-state changelog
     * by the name that id gives it.
     */
    public static Topology build(TopologySettings settings, SharedModel model, TopologyMetrics metrics) {
        return build(settings, model, metrics, InputLoad.KEEPING_UP);
    }

    /** The whole topology in one, its refreshes yielding to learning whenever {@code load} says the input is behind. */
    public static Topology build(TopologySettings settings, SharedModel model, TopologyMetrics metrics,
                                 InputLoad load) {
        Topology topology = new Topology();
        addUserSide(topology, settings, model, metrics, load);
        addItemSide(topology, settings, model.index(), metrics, load);
        addItemIndex(topology, settings, model);
        return topology;
    }

    /**
     * The user side and the item index: the Kafka Streams client that serves lookups. The item
     * side runs in a client of its own: with one stream thread for both, polls full of an
     * `interactions` backlog kept `item-deltas` waiting, and overload froze every item vector.
     */
    public static Topology userSide(TopologySettings settings, SharedModel model, TopologyMetrics metrics) {
        return userSide(settings, model, metrics, InputLoad.KEEPING_UP);
    }

    /** The user side, its refreshes yielding to learning whenever {@code load} says the input is behind. */
    public static Topology userSide(TopologySettings settings, SharedModel model, TopologyMetrics metrics,
                                    InputLoad load) {
        Topology topology = new Topology();
        addUserSide(topology, settings, model, metrics, load);
        addItemIndex(topology, settings, model);
        return topology;
    }

    /**
     * The item side alone, for a Kafka Streams client (and consumer group) of its own. It reads
     * the model's index (a new item starts from its content neighbours), which the user side's
     * global store keeps: both clients run in every instance.
     */
    public static Topology itemSide(TopologySettings settings, SharedModel model, TopologyMetrics metrics) {
        return itemSide(settings, model, metrics, InputLoad.KEEPING_UP);
    }

    /** The item side alone, publishing less often whenever {@code load} says the user side's input is behind. */
    public static Topology itemSide(TopologySettings settings, SharedModel model, TopologyMetrics metrics,
                                    InputLoad load) {
        Topology topology = new Topology();
        addItemSide(topology, settings, model.index(), metrics, load);
        return topology;
    }

    /** One sub-topology on the partitions of `interactions` and its re-keyed copy. */
    private static void addUserSide(Topology topology, TopologySettings settings, SharedModel model,
                                    TopologyMetrics metrics, InputLoad load) {
        Topics topics = settings.topics();
        StringSerializer keys = new StringSerializer();
        topology.addSource(INTERACTIONS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.interactions());
        topology.addProcessor(VALIDATE, () -> new ValidateProcessor(settings.validation()), INTERACTIONS_SOURCE);
        topology.addSink(REKEY_SINK, topics.rekeyed(), keys, AvroSerdes.INTERACTION.serializer(),
                VALIDATE);
        topology.addSource(REKEYED_SOURCE, new StringDeserializer(), AvroSerdes.INTERACTION.deserializer(),
                topics.rekeyed());
        ItemPartitions itemPartitions = new ItemPartitions();
        Supplier<RefreshBudget> listWork = RefreshBudget.perThread(settings.refresh().behindShare(), load);
        topology.addProcessor(LEARN_USER,
                () -> new UserLearner(settings, model, metrics, itemPartitions, load, listWork),
                VALIDATE, REKEYED_SOURCE);
        topology.addStateStore(store(StoreNames.USER_STATE, AvroSerdes.USER_STATE), LEARN_USER);
        topology.addStateStore(store(StoreNames.USER_SEEN, Serdes.Long()), LEARN_USER);
        topology.addStateStore(inMemoryStore(StoreNames.USER_EVENT_OUTBOX, Serdes.Long(), OwedRecord.SERDE),
                LEARN_USER);
        topology.addStateStore(store(StoreNames.RECOMMENDATIONS, StoredList.SERDE), LEARN_USER);
        topology.addSink(ITEM_DELTAS_SINK, topics.itemDeltas(), keys, AvroSerdes.OWED_DELTAS.serializer(),
                itemPartitions, LEARN_USER);
        topology.addSink(RECOMMENDATIONS_SINK, topics.recommendations(), keys, StoredList.SERDE.serializer(),
                LEARN_USER);
        if (settings.ranker().learned()) {
            topology.addSink(RANKER_EXAMPLES_SINK, topics.rankerExamples(), new ByteArraySerializer(),
                    new ByteArraySerializer(), LEARN_USER);
        }
        deadLetters(topology, USER_REJECTED_SINK, topics, metrics, VALIDATE, LEARN_USER);
    }

    /** One sub-topology on the partitions of `items` and `item-deltas`. */
    private static void addItemSide(Topology topology, TopologySettings settings, ItemIndex index,
                                    TopologyMetrics metrics, InputLoad load) {
        Topics topics = settings.topics();
        topology.addSource(ITEMS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.items());
        topology.addProcessor(CATALOG, ItemCatalogProcessor::new, ITEMS_SOURCE);
        topology.addSource(ITEM_DELTAS_SOURCE, new StringDeserializer(), ItemLearner.DELTAS, topics.itemDeltas());
        topology.addProcessor(LEARN_ITEM, () -> new ItemLearner(settings, index, load), CATALOG,
                ITEM_DELTAS_SOURCE);
        topology.addStateStore(store(StoreNames.ITEM_STATE, EncodedItem.SERDE), LEARN_ITEM);
        topology.addStateStore(inMemoryStore(StoreNames.ITEM_PENDING, Serdes.Long(), OwedRecord.SERDE),
                LEARN_ITEM);
        deadLetters(topology, ITEM_REJECTED_SINK, topics, metrics, CATALOG);
        if (settings.ranker().learned()) {
            addRankerTrainer(topology, settings);
        }
    }

    /** The one trainer of the learned ranker, on the single partition of ranker-examples. */
    private static void addRankerTrainer(Topology topology, TopologySettings settings) {
        Topics topics = settings.topics();
        topology.addSource(RANKER_EXAMPLES_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.rankerExamples());
        topology.addProcessor(TRAIN_RANKER, () -> new RankerTrainerProcessor(settings.model(), settings.ranker()),
                RANKER_EXAMPLES_SOURCE);
        topology.addStateStore(store(StoreNames.RANKER_STATE, Serdes.ByteArray()), TRAIN_RANKER);
        topology.addSink(RANKER_WEIGHTS_SINK, topics.rankerWeights(), new ByteArraySerializer(),
                new ByteArraySerializer(), TRAIN_RANKER);
    }

    /**
     * Every instance: the item index, fed from the item side's item-state changelog, and the
     * learned ranker, fed from its compacted topic.
     */
    private static void addItemIndex(Topology topology, TopologySettings settings, SharedModel model) {
        topology.addGlobalStore(MemoryFedStore.builder(StoreNames.ITEM_INDEX,
                        ModelFeeds.itemIndex(model.index(), settings.model().neighbours(), settings.lifecycle())),
                ITEM_STATE_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                settings.topics().itemState(), ITEM_INDEX_FEED, () -> new MemoryFedStore.Feed(StoreNames.ITEM_INDEX));
        if (settings.ranker().learned()) {
            topology.addGlobalStore(MemoryFedStore.builder(StoreNames.RANKER, ModelFeeds.ranker(model.ranker())),
                    RANKER_WEIGHTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    settings.topics().rankerWeights(), RANKER_WEIGHTS_FEED,
                    () -> new MemoryFedStore.Feed(StoreNames.RANKER));
        }
    }

    /** The node {@code name} that processors send dead letters to: a counter, then the topic's sink. */
    private static void deadLetters(Topology topology, String name, Topics topics, TopologyMetrics metrics,
                                    String... parents) {
        topology.addProcessor(name, () -> new DeadLetterCounter(metrics), parents);
        topology.addSink(NodeNames.deadLetterTopicSink(name), topics.rejected(), new ByteArraySerializer(),
                AvroSerdes.REJECTED.serializer(), name);
    }

    /**
     * A small store whose keys are rewritten a publish interval later: the {@link DeltaLog}s'
     * numbered records (a key is reused by the next drain). Held in memory (restored from its
     * changelog) and not cached: the writes of a key mostly fall in different commits, so a cache
     * would merge nothing and only add its sorted-map updates and per-commit flushes.
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> inMemoryStore(String name, Serde<K> keys,
                                                                          Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
