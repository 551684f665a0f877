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
 * @param itemPublishIntervalBehindMs the same while the input is behind ({@link InputLoad}; rounded to a
 *                      whole number of intervals): a publication's work is fixed by the items changed,
 *                      so publishing less often leaves more of the cores to learning ({@link PublicationPace})
 * @param behindShare   the most of each user-side stream thread's time refreshes (and drawing ranker
 *                      examples, offered for one pick in 1 / share) may take while its input is behind
 *                      ({@link InputLoad}): learning keeps the rest, and a user whose refresh waits gets
 *                      one list for all the events that came meanwhile
 */
public record RefreshPolicy(long debounceMs, long checkIntervalMs, int listSize, long itemPublishIntervalMs,
                            long itemPublishIntervalBehindMs, double behindShare) {
    public RefreshPolicy {
        if (debounceMs < 0 || checkIntervalMs <= 0 || listSize <= 0 || itemPublishIntervalMs <= 0
                || itemPublishIntervalBehindMs <= 0) {
            throw new IllegalArgumentException("refresh settings must be positive");
        }
        if (!(behindShare > 0 && behindShare <= 1)) {
            throw new IllegalArgumentException("the refresh share while behind must be in (0, 1]");
        }
    }

    public static RefreshPolicy defaults() {
        return new RefreshPolicy(50, 20, 50, 1000, 4000, 0.1);
    }

    public RefreshPolicy withItemPublishIntervalMs(long intervalMs) {
        return new RefreshPolicy(debounceMs, checkIntervalMs, listSize, intervalMs, itemPublishIntervalBehindMs,
                behindShare);
    }

    public RefreshPolicy withItemPublishIntervalBehindMs(long intervalMs) {
        return new RefreshPolicy(debounceMs, checkIntervalMs, listSize, itemPublishIntervalMs, intervalMs, behindShare);
    }

    public RefreshPolicy withBehindShare(double share) {
        return new RefreshPolicy(debounceMs, checkIntervalMs, listSize, itemPublishIntervalMs,
                itemPublishIntervalBehindMs, share);
    }
}
