package io.streamrec.model.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates owed to items and not yet applied, summed per item: items are rewritten and
 * published once per interval however many events touched them, so the live path and the
 * replay both apply sums, in the order items were first owed since the last drain.
 */
public final class OwedUpdates {
    private final long popularityHalfLifeMs;
    private final Map<String, UpdateSum> sums = new LinkedHashMap<>();

    public OwedUpdates(long popularityHalfLifeMs) {
        this.popularityHalfLifeMs = popularityHalfLifeMs;
    }

    public void add(ItemUpdate update) {
        UpdateSum sum = sums.get(update.item());
        if (sum == null) {
            sums.put(update.item(), new UpdateSum(update, popularityHalfLifeMs));
        } else {
            sum.add(update);
        }
    }

    public void addAll(List<ItemUpdate> updates) {
        for (ItemUpdate update : updates) {
            add(update);
        }
    }

    /** Forgets what is owed to {@code item} (it was deleted); returns whether anything was. */
    public boolean discard(String item) {
        return sums.remove(item) != null;
    }

    public boolean isEmpty() {
        return sums.isEmpty();
    }

    /** Everything owed, one summed update per item, and nothing owed afterwards. */
    public List<ItemUpdate> drain() {
        List<ItemUpdate> owed = new ArrayList<>(sums.size());
        sums.values().forEach(sum -> owed.add(sum.toUpdate()));
        sums.clear();
        return owed;
    }
}
