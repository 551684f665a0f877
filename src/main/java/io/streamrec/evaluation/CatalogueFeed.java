package io.streamrec.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Catalogue items and user tags as they reach the model during a replay, each at its time.
 * Items arrive either all before the stream ({@link Arrival#START}) or each just before its first
 * event, as a shop publishes an item when it goes on sale ({@link Arrival#FIRST_EVENT}), so that
 * new items start from what the model has learned by then. A tag re-describes its item when the
 * item is described already, and is kept for its description otherwise.
 */
final class CatalogueFeed {
    /** When catalogue items enter the model in a replay. */
    enum Arrival { START, FIRST_EVENT }

    private final ReplayLog log;
    /** Items still to arrive, by the time of their first event, and those times. */
    private final List<CatalogueItem> pending = new ArrayList<>();
    private final List<Long> pendingAt = new ArrayList<>();
    private final List<CatalogueItem> atStart = new ArrayList<>();
    private int arrived;
    /** Tags not applied yet, oldest first, and the distinct tags each item has by now. */
    private final List<CatalogueTag> tags;
    private int tagged;
    private final Map<String, Set<String>> tagsOf = new HashMap<>();
    private final Map<String, CatalogueItem> described = new HashMap<>();

    /** Catalogue ids are matched to the log's spelling of them, so an item is one item for both. */
    CatalogueFeed(ReplayLog log, List<CatalogueItem> catalogue, List<CatalogueTag> tags, Arrival arrival) {
        this.log = log;
        this.tags = tags;
        Map<String, Long> firstEvent = new HashMap<>();
        if (arrival == Arrival.FIRST_EVENT) {
            for (int e = 0; e < log.size(); e++) {
                firstEvent.putIfAbsent(log.event(e).item(), log.event(e).timestamp());
            }
        }
        List<CatalogueItem> later = new ArrayList<>();
        for (CatalogueItem item : catalogue) {
            CatalogueItem named = new CatalogueItem(logName(item.id()), item.title(), item.categories());
            (firstEvent.containsKey(named.id()) ? later : atStart).add(named);
        }
        later.sort(Comparator.comparingLong(item -> firstEvent.get(item.id())));
        for (CatalogueItem item : later) {
            pending.add(item);
            pendingAt.add(firstEvent.get(item.id()));
        }
    }

    private String logName(String id) {
        int known = log.items().find(id);
        return known >= 0 ? log.items().name(known) : id;
    }

    /** Hands {@code describe} the items known before the stream: called once, before any {@link #due}. */
    void start(BiConsumer<CatalogueItem, List<String>> describe) {
        atStart.forEach(item -> describe(item, describe));
    }

    /** Hands {@code describe} every item (with its tags so far) that arrives or gains a tag by {@code now}. */
    void due(long now, BiConsumer<CatalogueItem, List<String>> describe) {
        while (arrived < pending.size() && pendingAt.get(arrived) <= now) {
            describe(pending.get(arrived++), describe);
        }
        while (tagged < tags.size() && tags.get(tagged).timestamp() <= now) {
            CatalogueTag tag = tags.get(tagged++);
            String id = logName(tag.item());
            boolean added = tagsOf.computeIfAbsent(id, x -> new LinkedHashSet<>())
                    .add(tag.tag().toLowerCase(Locale.ROOT));
            if (added && described.containsKey(id)) {
                describe(described.get(id), describe);
            }
        }
    }

    private void describe(CatalogueItem item, BiConsumer<CatalogueItem, List<String>> describe) {
        described.put(item.id(), item);
        describe.accept(item, List.copyOf(tagsOf.getOrDefault(item.id(), Set.of())));
    }
}
