package io.streamrec.model.ranking;

import io.streamrec.model.ModelParams;
import io.streamrec.model.TopN;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;

/**
 * The most popular slots by one measure (decayed popularity, or distinct users ever), which lists
 * consider besides the user's co-visited items. Decay is the same for every item, so either order
 * only changes through writes; the pool is rebuilt after enough writes, and candidates are always
 * scored on current values. A pool that holds every available item takes a new one within
 * (slots / capacity) writes, at the next list while the catalogue is smaller than the pool: a
 * young deployment's trending is not frozen at the items its first list saw.
 */
final class PopularityPool {
    /** Index writes after which the pool is rebuilt (at least; half the catalogue for large ones). */
    private static final long STALE_WRITES = 1000;

    /** How popular the item in a slot is at a moment: the pool holds the highest. */
    interface Popularity {
        double of(ItemIndex.Snapshot snapshot, int slot, long now);
    }

    private final Popularity popularity;
    /** Rebuilt by whichever thread finds it stale; a reader may briefly use the one it read. */
    private volatile Pool pool;

    /** The most popular slots, best first; at most capacity of them, fewer when fewer items are available. */
    private record Pool(int[] slots, int capacity, int available, long version) {
    }

    PopularityPool(Popularity popularity) {
        this.popularity = popularity;
    }

    /** Popularity decayed with {@code params}' half-life: what is popular now. */
    static PopularityPool decayed(ModelParams params) {
        return new PopularityPool((snapshot, slot, now) -> ItemRecord.decayed(snapshot.popularity(slot),
                snapshot.popularityTimestamp(slot), now, params.popularityHalfLifeMs()));
    }

    /** Distinct users ever: what has been popular all along. */
    static PopularityPool allTime() {
        return new PopularityPool((snapshot, slot, now) -> 1 / snapshot.inverseSqrtUsers(slot));
    }

    /** At least {@code size} of the most popular available slots, best first, when that many are available. */
    int[] slots(ItemIndex.Snapshot snapshot, long now, int size) {
        Pool pool = this.pool;
        long staleAfter = pool != null && pool.slots().length < pool.capacity()
                // Fewer than it could hold means every available item: a new one belongs in it
                // at once. Rebuilding every (slots / capacity) writes scans ~capacity slots a write.
                ? snapshot.slotCount() / pool.capacity()
                : Math.max(STALE_WRITES, snapshot.slotCount() / 2);
        if (pool == null || snapshot.version() - pool.version() > staleAfter
                || pool.slots().length < Math.min(size, pool.available())) {
            // One pool serves lists of every length: it holds the most any list asked for.
            int capacity = Math.max(size, pool == null ? 0 : pool.capacity());
            TopN top = new TopN(capacity);
            int available = 0;
            for (int s = 0; s < snapshot.slotCount(); s++) {
                if (snapshot.available(s)) {
                    available++;
                    top.offer(s, popularity.of(snapshot, s, now));
                }
            }
            pool = new Pool(top.slotsBestFirst(), capacity, available, snapshot.version());
            this.pool = pool;
        }
        return pool.slots();
    }
}
