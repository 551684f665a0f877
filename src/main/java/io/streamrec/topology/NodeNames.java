package io.streamrec.topology;

/**
 * The name of every source, processor and sink of the two sides' topologies, in one place:
 * processors forward to sinks by these names, and {@link TopologyFactory} wires them.
 * Names must be unique within a topology; each side's dead letters need a node of its own, as
 * one node shared by both would fuse the two sides into one sub-topology.
 */
final class NodeNames {
    static final String INTERACTIONS_SOURCE = "interactions-source";
    static final String VALIDATE = "validate";
    static final String REKEY_SINK = "rekey-sink";
    static final String REKEYED_SOURCE = "rekeyed-source";
    static final String LEARN_USER = "learn-user";
    static final String ITEM_DELTAS_SINK = "item-deltas-sink";
    static final String RECOMMENDATIONS_SINK = "recommendations-sink";
    static final String USER_REJECTED_SINK = "user-rejected-sink";

    static final String ITEMS_SOURCE = "items-source";
    static final String CATALOG = "catalog";
    static final String ITEM_DELTAS_SOURCE = "item-deltas-source";
    static final String LEARN_ITEM = "learn-item";
    static final String ITEM_REJECTED_SINK = "item-rejected-sink";

    static final String ITEM_STATE_SOURCE = "item-state-source";
    static final String ITEM_INDEX_FEED = "item-index-feed";

    static final String RANKER_EXAMPLES_SINK = "ranker-examples-sink";
    static final String RANKER_EXAMPLES_SOURCE = "ranker-examples-source";
    static final String TRAIN_RANKER = "train-ranker";
    static final String RANKER_WEIGHTS_SINK = "ranker-weights-sink";
    static final String RANKER_WEIGHTS_SOURCE = "ranker-weights-source";
    static final String RANKER_WEIGHTS_FEED = "ranker-weights-feed";

    private NodeNames() {}

    /** The sink behind a dead-letter node (which counts, then hands the letter to this sink). */
    static String deadLetterTopicSink(String deadLetterNode) {
        return deadLetterNode + "-topic";
    }
}
