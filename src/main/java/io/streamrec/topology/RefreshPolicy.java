package io.streamrec.topology;

/**
 * When refreshed lists are emitted.
 *
 * @param debounceMs    a user's list is refreshed at most this long after the first unrefreshed
 *                      event, so a burst of clicks yields one update
 * @param checkIntervalMs how often dirty users are looked at (wall clock)
 * @param listSize      items kept per user in the emitted list (largest n a lookup may ask)
 * @param itemPublishIntervalMs how often changed items are published to every instance's index
 */
public record RefreshPolicy(long debounceMs, long checkIntervalMs, int listSize, long itemPublishIntervalMs) {
    public RefreshPolicy {
        if (debounceMs < 0 || checkIntervalMs <= 0 || listSize <= 0 || itemPublishIntervalMs <= 0) {
            throw new IllegalArgumentException("refresh settings must be positive");
        }
    }

    public static RefreshPolicy defaults() {
        return new RefreshPolicy(100, 50, 50, 100);
    }
}
