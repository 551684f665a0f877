package io.streamrec.topology;

import io.streamrec.avro.EventType;

/**
 * What the topology tells its operators, as plain calls: the topology knows neither the
 * metrics library nor HTTP. {@link #NONE} ignores everything (tests, and tools that need no
 * metrics); the running app passes an implementation backed by its registry. Calls come from
 * stream threads, so implementations must be thread-safe and cheap.
 */
public interface TopologyMetrics {
    TopologyMetrics NONE = new TopologyMetrics() {};

    /** An event went through the user-side learning step. */
    default void learned(EventType type) {}

    /** A record went to the dead-letter topic, for a reason of this category. */
    default void deadLettered(RejectCategory category) {}

    /** A user's list was recomputed, taking {@code nanos}. */
    default void refreshed(long nanos) {}

    /**
     * Whether {@link #liveTest} is wanted: the test costs a read of the user's last list per
     * event, which nobody should pay for when nothing records the answer.
     */
    default boolean measuresLiveQuality() {
        return false;
    }

    /**
     * Test-then-learn on production traffic: an event on an item new to the user, who already
     * had a list emitted; {@code rank} is the item's 1-based position in that list, 0 if absent.
     */
    default void liveTest(EventType type, int rank) {}
}
