package io.streamrec.model;

import java.util.ArrayList;
import java.util.List;

/** What the model knows of one user: a vector (null until the first event) and recent items. */
public final class UserProfile {
    public float[] vector;
    /** Distinct items, newest first, at most {@link ModelParams#recentItems()}. */
    public final List<String> recentItems;
    public long events;
    public long lastEventTimestamp;

    public UserProfile(float[] vector, List<String> recentItems, long events, long lastEventTimestamp) {
        this.vector = vector;
        this.recentItems = new ArrayList<>(recentItems);
        this.events = events;
        this.lastEventTimestamp = lastEventTimestamp;
    }

    public static UserProfile empty() {
        return new UserProfile(null, List.of(), 0, 0);
    }

    /** A copy that later events do not move. */
    public UserProfile copy() {
        return new UserProfile(vector == null ? null : vector.clone(), recentItems, events, lastEventTimestamp);
    }

    public boolean isCold() {
        return vector == null;
    }

    /** Moves {@code item} to the front of the recent items, dropping the oldest beyond {@code capacity}. */
    void touch(String item, int capacity) {
        recentItems.remove(item);
        recentItems.add(0, item);
        while (recentItems.size() > capacity) {
            recentItems.remove(recentItems.size() - 1);
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
