package io.streamrec.topology;

import io.streamrec.stores.StoreNames;

/**
 * Every topic name, derived once from the configurable prefix, and, for the one internal topic
 * Kafka Streams names itself, from the deployment's application id.
 *
 * @param prefix        put before every topic streamrec names
 * @param applicationId the deployment's (the user side's) application id; the item side's is it plus
 *                      {@link #ITEM_SIDE_SUFFIX}
 */
public record Topics(String prefix, String applicationId) {
    /** The application id when none is configured. */
    public static final String DEFAULT_APPLICATION_ID = "streamrec";
    /** Appended to the application id for the item side's Kafka Streams client. */
    public static final String ITEM_SIDE_SUFFIX = "-items";

    /** The topics of a deployment under the default application id. */
    public Topics(String prefix) {
        this(prefix, DEFAULT_APPLICATION_ID);
    }

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

    /** The item side's application id: its consumer group, transactional ids and state folder. */
    public String itemSideApplicationId() {
        return itemSideApplicationId(applicationId);
    }

    /** The item side's application id in a deployment whose (user side's) application id is {@code applicationId}. */
    public static String itemSideApplicationId(String applicationId) {
        return applicationId + ITEM_SIDE_SUFFIX;
    }

    /**
     * Internal, compacted: the changelog of the item side's `item-state` store, the authoritative
     * state of every item, which every instance's item index reads. Kafka Streams names it after
     * the item side's application id, not the prefix. Its store writes an item once per publish
     * interval, so reading the changelog publishes the item without a second record.
     */
    public String itemState() {
        return itemSideApplicationId() + "-" + StoreNames.ITEM_STATE + "-changelog";
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
