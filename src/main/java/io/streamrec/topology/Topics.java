package io.streamrec.topology;

/** Every topic name, derived once from the configurable prefix. */
public record Topics(String prefix) {
    public String interactions() {
        return prefix + "interactions";
    }

    public String items() {
        return prefix + "items";
    }

    public String recommendations() {
        return prefix + "recommendations";
    }

    public String rejected() {
        return prefix + "interactions-rejected";
    }

    /** Internal: interactions whose record key was not the user id, re-keyed by user. */
    public String rekeyed() {
        return prefix + "interactions-by-user";
    }

    /** Internal: per-event contributions to items, keyed by item. */
    public String itemDeltas() {
        return prefix + "item-deltas";
    }

    /** Internal, compacted: authoritative item state, read by every instance. */
    public String itemVectors() {
        return prefix + "item-vectors";
    }

    /** Internal, one partition: what users picked among their candidates, for the one ranker trainer. */
    public String rankerExamples() {
        return prefix + "ranker-examples";
    }

    /** Internal, compacted, one partition: the learned ranker's newest weights, read by every instance. */
    public String rankerWeights() {
        return prefix + "ranker-weights";
    }
}
