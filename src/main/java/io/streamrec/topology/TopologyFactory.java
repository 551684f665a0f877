package io.streamrec.topology;

import io.streamrec.events.AvroSerdes;
import io.streamrec.model.ItemIndex;
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
 *   (re-keyed by user) ─────────►  ▲                              item-vectors ─► item-index (global)
 * </pre>
 */
public final class TopologyFactory {
    private TopologyFactory() {}

    public static Topology build(TopologySettings settings, ItemIndex index) {
        return build(settings, index, TopologyMetrics.NONE);
    }

    /**
     * The whole topology in one, reporting to {@code metrics} (events learned, dead letters,
     * refreshes, live hits): what {@code TopologyTestDriver} runs. A deployment runs the same two
     * halves as {@link #userSide} and {@link #itemSide}.
     */
    public static Topology build(TopologySettings settings, ItemIndex index, TopologyMetrics metrics) {
        Topology topology = new Topology();
        addUserSide(topology, settings, index, metrics);
        addItemSide(topology, settings, index, metrics);
        addItemIndex(topology, settings, index);
        return topology;
    }

    /**
     * The user side and the item index: the Kafka Streams client that serves lookups. The item
     * side runs in a client of its own: with one stream thread for both, polls full of an
     * `interactions` backlog kept `item-deltas` waiting, and overload froze every item vector.
     */
    public static Topology userSide(TopologySettings settings, ItemIndex index, TopologyMetrics metrics) {
        Topology topology = new Topology();
        addUserSide(topology, settings, index, metrics);
        addItemIndex(topology, settings, index);
        return topology;
    }

    /**
     * The item side alone, for a Kafka Streams client (and consumer group) of its own. It reads
     * {@code index} (a new item starts from its content neighbours), which the user side's global
     * store keeps: both clients run in every instance.
     */
    public static Topology itemSide(TopologySettings settings, ItemIndex index, TopologyMetrics metrics) {
        Topology topology = new Topology();
        addItemSide(topology, settings, index, metrics);
        return topology;
    }

    /** One sub-topology on the partitions of `interactions` and its re-keyed copy. */
    private static void addUserSide(Topology topology, TopologySettings settings, ItemIndex index,
                                    TopologyMetrics metrics) {
        Topics topics = settings.topics();
        StringSerializer keys = new StringSerializer();
        topology.addSource("interactions-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.interactions());
        topology.addProcessor("validate", () -> new ValidateProcessor(settings.validation()), "interactions-source");
        topology.addSink(ValidateProcessor.REKEY, topics.rekeyed(), keys, AvroSerdes.INTERACTION.serializer(),
                "validate");
        topology.addSource("rekeyed-source", new StringDeserializer(), AvroSerdes.INTERACTION.deserializer(),
                topics.rekeyed());
        topology.addProcessor(ValidateProcessor.LEARN, () -> new UserLearner(settings, index, metrics),
                "validate", "rekeyed-source");
        topology.addStateStore(store(StoreNames.USER_STATE, AvroSerdes.USER_STATE), ValidateProcessor.LEARN);
        topology.addStateStore(store(StoreNames.USER_SEEN, Serdes.Long()), ValidateProcessor.LEARN);
        topology.addStateStore(inMemoryStore(StoreNames.USER_DIRTY, Serdes.String(), Serdes.Long()),
                ValidateProcessor.LEARN);
        topology.addStateStore(inMemoryStore(StoreNames.USER_EVENT_OUTBOX, Serdes.Long(), AvroSerdes.OWED_DELTAS),
                ValidateProcessor.LEARN);
        topology.addStateStore(store(StoreNames.RECOMMENDATIONS, StoredList.SERDE), ValidateProcessor.LEARN);
        topology.addSink(UserLearner.DELTAS, topics.itemDeltas(), keys, AvroSerdes.ITEM_DELTA.serializer(),
                ValidateProcessor.LEARN);
        topology.addSink(UserLearner.RECOMMENDATIONS, topics.recommendations(), keys, StoredList.SERDE.serializer(),
                ValidateProcessor.LEARN);
        deadLetters(topology, DeadLetters.USER_SIDE_SINK, topics, metrics, "validate", ValidateProcessor.LEARN);
    }

    /** One sub-topology on the partitions of `items` and `item-deltas`. */
    private static void addItemSide(Topology topology, TopologySettings settings, ItemIndex index,
                                    TopologyMetrics metrics) {
        Topics topics = settings.topics();
        topology.addSource("items-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.items());
        topology.addProcessor("catalog", ItemCatalogProcessor::new, "items-source");
        topology.addSource("item-deltas-source", new StringDeserializer(), AvroSerdes.ITEM_DELTA.deserializer(),
                topics.itemDeltas());
        topology.addProcessor(ItemLearner.NAME, () -> new ItemLearner(settings, index), "catalog",
                "item-deltas-source");
        topology.addStateStore(store(StoreNames.ITEM_STATE, AvroSerdes.ITEM_VECTOR), ItemLearner.NAME);
        topology.addStateStore(inMemoryStore(StoreNames.ITEM_DIRTY, Serdes.String(), Serdes.Long()), ItemLearner.NAME);
        topology.addStateStore(inMemoryStore(StoreNames.ITEM_PENDING, Serdes.Long(), AvroSerdes.OWED_DELTAS),
                ItemLearner.NAME);
        topology.addSink(ItemLearner.VECTORS, topics.itemVectors(), new StringSerializer(),
                AvroSerdes.ITEM_VECTOR.serializer(), ItemLearner.NAME);
        deadLetters(topology, DeadLetters.ITEM_SIDE_SINK, topics, metrics, "catalog");
    }

    /** Every instance: the item index, fed from the compacted item-vectors topic. */
    private static void addItemIndex(Topology topology, TopologySettings settings, ItemIndex index) {
        topology.addGlobalStore(ItemIndexStore.builder(index, settings.model().neighbours()), "item-vectors-source",
                new StringDeserializer(), AvroSerdes.ITEM_VECTOR.deserializer(), settings.topics().itemVectors(),
                "item-index-feed", ItemIndexFeed::new);
    }

    /** The node {@code name} that processors send dead letters to: a counter, then the topic's sink. */
    private static void deadLetters(Topology topology, String name, Topics topics, TopologyMetrics metrics,
                                    String... parents) {
        topology.addProcessor(name, () -> new DeadLetterCounter(metrics), parents);
        topology.addSink(name + "-topic", topics.rejected(), new ByteArraySerializer(),
                AvroSerdes.REJECTED.serializer(), name);
    }

    /**
     * A small store whose every key is written once and deleted once, a debounce, a publish
     * interval or a commit interval later: the dirty marks (user or item -> since when) and the
     * {@link DeltaLog}s' numbered records. Held in memory (restored from its changelog) and not
     * cached: the two writes of a key mostly fall in different commits, so a cache merged nothing,
     * and its sorted-map updates and per-commit flushes were 9% of a loaded user-side thread.
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> inMemoryStore(String name, Serde<K> keys,
                                                                          Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }
}
