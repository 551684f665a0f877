package io.streamrec.model;

/**
 * When ids earn a vector and when idle ones are forgotten. Rare ids are mostly noise (a bot, a
 * typo, a one-off visit): until they have been seen often enough they use the fallbacks
 * (trending for a user; an item stays out of the index, so it is neither recommended nor
 * sampled as a negative) while popularity and co-visitation still count them. Idle time is
 * measured in event time, against the newest event the owning task has seen, so replaying old
 * data expires nothing that was active at the time.
 *
 * @param minUserEvents   events a user needs before getting a vector (1: from the first event)
 * @param minItemUsers    distinct users an item needs before entering the index; items described
 *                        on `items` enter at once (their vector starts from their content)
 * @param userTtlMs       a user without events for this long is forgotten as if deleted; 0: never
 * @param itemTtlMs       an item without events for this long is removed everywhere, unless the
 *                        catalogue describes it (the catalogue's tombstones delete those); 0: never
 * @param checkIntervalMs how often (wall clock) idle users and items are looked for
 */
public record Lifecycle(int minUserEvents, int minItemUsers, long userTtlMs, long itemTtlMs, long checkIntervalMs) {
    public Lifecycle {
        if (minUserEvents < 1 || minItemUsers < 1 || userTtlMs < 0 || itemTtlMs < 0 || checkIntervalMs < 1) {
            throw new IllegalArgumentException("lifecycle: minimum counts must be >= 1, TTLs >= 0, "
                    + "the check interval > 0");
        }
    }

    /** Every id gets a vector at once and nothing expires. */
    public static Lifecycle defaults() {
        return new Lifecycle(1, 1, 0, 0, 60_000);
    }

    /** Whether a user who has now had {@code events} events (this one included) may hold a vector. */
    public boolean admitsUser(long events) {
        return events >= minUserEvents;
    }

    public boolean admitsItem(long distinctUsers, boolean described) {
        return described || distinctUsers >= minItemUsers;
    }

    /** @param now the newest event time seen; a clock that has seen no event (Long.MIN_VALUE) expires nothing */
    public boolean userIdle(long lastEventTimestamp, long now) {
        return userTtlMs > 0 && idleFor(lastEventTimestamp, now) > userTtlMs;
    }

    public boolean itemIdle(long lastEventTimestamp, boolean described, long now) {
        return itemTtlMs > 0 && !described && idleFor(lastEventTimestamp, now) > itemTtlMs;
    }

    private static long idleFor(long lastEventTimestamp, long now) {
        // Subtracting from a clock that has not started would overflow into "idle for ages".
        return now > lastEventTimestamp ? now - lastEventTimestamp : 0;
    }

    public boolean expires() {
        return userTtlMs > 0 || itemTtlMs > 0;
    }
}
