package io.streamrec.model;

import java.util.ArrayList;
import java.util.List;

/** What the model knows of one user: a vector (null until the first event) and recent items. */
public final class UserProfile {
    public float[] vector;
    /** Distinct items, newest first, at most {@link ModelParams#recentItems()}. */
    public final List<String> recentItems;
    /**
     * The event type that last touched each recent item, in the same order and always as long;
     * null where it is not known (state kept before types were, or a context's items).
     */
    public final List<String> recentTypes;
    public long events;
    public long lastEventTimestamp;

    public UserProfile(float[] vector, List<String> recentItems, long events, long lastEventTimestamp) {
        this(vector, recentItems, List.of(), events, lastEventTimestamp);
    }

    /** @param recentTypes as {@link #recentTypes}; shorter (or empty) is padded with unknowns */
    public UserProfile(float[] vector, List<String> recentItems, List<String> recentTypes, long events,
                       long lastEventTimestamp) {
        this.vector = vector;
        this.recentItems = new ArrayList<>(recentItems);
        this.recentTypes = new ArrayList<>(recentItems.size());
        for (int r = 0; r < recentItems.size(); r++) {
            this.recentTypes.add(r < recentTypes.size() ? recentTypes.get(r) : null);
        }
        this.events = events;
        this.lastEventTimestamp = lastEventTimestamp;
    }

    public static UserProfile empty() {
        return new UserProfile(null, List.of(), 0, 0);
    }

    /** A copy that later events do not move. */
    public UserProfile copy() {
        return new UserProfile(vector == null ? null : vector.clone(), recentItems, recentTypes, events,
                lastEventTimestamp);
    }

    public boolean isCold() {
        return vector == null;
    }

    /**
     * Moves {@code item} to the front of the recent items with the type of the event that touched
     * it (null if not known), dropping the oldest beyond {@code capacity}.
     */
    public void touch(String item, String type, int capacity) {
        int at = recentItems.indexOf(item);
        if (at >= 0) {
            recentItems.remove(at);
            recentTypes.remove(at);
        }
        recentItems.add(0, item);
        recentTypes.add(0, type);
        while (recentItems.size() > capacity) {
            recentItems.remove(recentItems.size() - 1);
            recentTypes.remove(recentTypes.size() - 1);
        }
    }

    /**
     * Whether the item is among the recent ones. Ids compare by their cached hash first: the learner
     * asks this for every sampled negative, and equals on each recent id read their characters.
     */
    public boolean isRecent(String item) {
        int hash = item.hashCode();
        for (String recent : recentItems) {
            if (recent.hashCode() == hash && recent.equals(item)) {
                return true;
            }
        }
        return false;
    }
}
