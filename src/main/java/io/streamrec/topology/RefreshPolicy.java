package io.streamrec.topology;

/**
 * When refreshed lists are emitted.
 *
 * @param debounceMs    a user's list is refreshed at most this long after the first unrefreshed
 *                      event, so a burst of clicks yields one update
 * @param checkIntervalMs how often dirty users are looked at (wall clock); with the debounce, it
 *                      bounds how long an event waits for its list
 * @param listSize      items kept per user in the emitted list (largest n a lookup may ask)
 * @param itemPublishIntervalMs how often the user side sends what it owes items and the item side publishes
 *                      changed items to every instance's index. A user's own list does not wait for it
 *                      (it is refreshed from the user's state); what other users did reaches the lists
 *                      within about twice this. Longer intervals cost staleness and save work: each
 *                      changed item is summed, rewritten and published once per interval, however
 *                      many deltas it received (BENCHMARKS.md has the measured trade-off).
 */
public record RefreshPolicy(long debounceMs, long checkIntervalMs, int listSize, long itemPublishIntervalMs) {
    public RefreshPolicy {
        if (debounceMs < 0 || checkIntervalMs <= 0 || listSize <= 0 || itemPublishIntervalMs <= 0) {
            throw new IllegalArgumentException("refresh settings must be positive");
        }
    }

    public static RefreshPolicy defaults() {
        return new RefreshPolicy(50, 20, 50, 1000);
    }
}
