package io.streamrec.evaluation;

import io.streamrec.model.EventWeights;
import io.streamrec.model.FusionWeights;
import io.streamrec.model.ItemIndex;
import io.streamrec.model.ItemRecord;
import io.streamrec.model.ItemSide;
import io.streamrec.model.ItemUpdate;
import io.streamrec.model.ListPolicy;
import io.streamrec.model.Learner;
import io.streamrec.model.ModelParams;
import io.streamrec.model.Recommender;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.SeenItems;
import io.streamrec.model.UserProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The product's model in the replay: it drives the very classes the topology runs (Learner on
 * the user side, ItemSide + ItemIndex on the item side, Recommender for the refresh) with
 * in-memory maps in place of state stores, and applies item updates at once.
 *
 * <p>The blend weights live in a {@link FusionWeights} that each event moves the way the topology's
 * user side would: the list the user was shown before the event credits the source of the item
 * picked (a no-op unless adaptive fusion is on). Catalogue items arrive either all before the
 * stream ({@link CatalogueArrival#START}) or each just before its first event, as a shop publishes
 * an item when it goes on sale ({@link CatalogueArrival#FIRST_EVENT}), so that new items start
 * from what the model has learned by then.
 */
final class StreamrecModel implements ReplayModel {
    private final ReplayLog log;
    private final ModelParams params;
    private final EventWeights weights;
    private final Learner learner;
    private final ItemSide itemSide;
    private final ItemIndex index;
    private final Recommender recommender;
    /** By the log's dense user id, as the topology keys its stores by user; null before a user's first event. */
    private final UserProfile[] profiles;
    private final SeenItems[] seen;
    private final Map<String, ItemRecord> records = new HashMap<>();
    private final ListPolicy reranking;
    private final FusionWeights fusion;
    private final CatalogueArrival arrival;
    /** Per user, the sources of the list last shown (recommend), awaiting the event that follows it. */
    private final List<ScoredItem>[] shown;
    /** Catalogue items still to arrive, by the time of their item's first event (FIRST_EVENT only). */
    private final List<CatalogueItem> pending = new ArrayList<>();
    private final List<Long> pendingAt = new ArrayList<>();
    private int arrived;
    /** User tags not applied yet, oldest first, and the distinct tags each item has by now. */
    private final List<CatalogueTag> tags;
    private int tagged;
    private final Map<String, java.util.LinkedHashSet<String>> tagsOf = new HashMap<>();
    private final Map<String, CatalogueItem> described = new HashMap<>();

    /** When catalogue items enter the model in a replay. */
    enum CatalogueArrival { START, FIRST_EVENT }

    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue, long seed) {
        this(log, params, weights, catalogue, seed, CatalogueArrival.START);
    }

    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue, long seed,
                   CatalogueArrival arrival) {
        this(log, params, weights, catalogue, List.of(), seed, arrival, ListPolicy.none());
    }

    /**
     * @param tags      user tags on catalogue items, oldest first, each applied at its time
     * @param reranking what the HTTP API's diversity parameters do, applied to every list of the replay
     */
    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue,
                   List<CatalogueTag> tags, long seed, CatalogueArrival arrival, ListPolicy reranking) {
        this.reranking = reranking;
        this.log = log;
        this.tags = tags;
        this.params = params;
        this.weights = weights;
        this.profiles = new UserProfile[log.users().size()];
        this.seen = new SeenItems[log.users().size()];
        @SuppressWarnings("unchecked")
        List<ScoredItem>[] lists = new List[log.users().size()];
        this.shown = lists;
        this.arrival = arrival;
        this.learner = new Learner(params, new Random(seed));
        this.itemSide = new ItemSide(params);
        this.index = new ItemIndex(params.dimensions());
        this.fusion = new FusionWeights(params);
        this.recommender = new Recommender(params, index, fusion, false);
        Map<String, Long> firstEvent = new HashMap<>();
        if (arrival == CatalogueArrival.FIRST_EVENT) {
            for (int e = 0; e < log.size(); e++) {
                firstEvent.putIfAbsent(log.event(e).item(), log.event(e).timestamp());
            }
        }
        List<CatalogueItem> later = new ArrayList<>();
        for (CatalogueItem item : catalogue) {
            int known = log.items().find(item.id());
            CatalogueItem named = known >= 0 ? new CatalogueItem(log.items().name(known), item.title(),
                    item.categories()) : item;
            if (firstEvent.containsKey(named.id())) {
                later.add(named);
            } else {
                describe(named);
            }
        }
        later.sort(Comparator.comparingLong(item -> firstEvent.get(item.id())));
        for (CatalogueItem item : later) {
            pending.add(item);
            pendingAt.add(firstEvent.get(item.id()));
        }
    }

    private void describe(CatalogueItem item) {
        described.put(item.id(), item);
        List<String> itemTags = List.copyOf(tagsOf.getOrDefault(item.id(), new java.util.LinkedHashSet<>()));
        ItemRecord record = itemSide.describe(records.get(item.id()), item.id(), item.title(), item.categories(),
                itemTags, true, index);
        records.put(item.id(), record);
        index.upsert(record);
    }

    /** Publishes the catalogue items whose first event is due by {@code now}. */
    private void arrive(long now) {
        while (arrived < pending.size() && pendingAt.get(arrived) <= now) {
            describe(pending.get(arrived++));
        }
        while (tagged < tags.size() && tags.get(tagged).timestamp() <= now) {
            CatalogueTag tag = tags.get(tagged++);
            int known = log.items().find(tag.item());
            String id = known >= 0 ? log.items().name(known) : tag.item();
            if (tagsOf.computeIfAbsent(id, x -> new java.util.LinkedHashSet<>()).add(tag.tag().toLowerCase(java.util.Locale.ROOT))
                    && described.containsKey(id)) {
                describe(described.get(id));
            }
        }
    }

    @Override
    public String name() {
        return "streamrec";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", ModelParams.VERSION);
        out.put("model", params.toString());
        out.put("event_weights", weights.asMap());
        if (reranking.reorders()) {
            out.put("diversity", reranking.diversifier().diversity());
            out.put("max_per_category", reranking.diversifier().maxPerCategory());
        }
        out.put("catalogue_arrival", arrival.name().toLowerCase(java.util.Locale.ROOT));
        out.put("catalogue_tags", tags.size());
        out.put("final_blend_weights", fusion.toString());
        return out;
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        arrive(now);
        UserProfile profile = profiles[user];
        List<ScoredItem> list = reranking.recommend(recommender, index, profile == null ? UserProfile.empty() : profile,
                seen[user], Set.of(), n, now);
        if (profile != null && !profile.isCold()) {
            shown[user] = list;
        }
        int[] items = new int[list.size()];
        for (int r = 0; r < items.length; r++) {
            items[r] = log.items().find(list.get(r).item());
        }
        return items;
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        arrive(event.timestamp());
        creditLastList(user, event);
        // An event that is not learned from still excludes its item, as the protocol asks.
        if (seen[user] == null) {
            seen[user] = new SeenItems();
        }
        seen[user].add(event.item());
        double weight = weights.weight(event.type());
        if (weight <= 0) {
            return;
        }
        if (profiles[user] == null) {
            profiles[user] = UserProfile.empty();
        }
        UserProfile profile = profiles[user];
        for (ItemUpdate update : learner.learn(profile, event.item(), weight, newForUser, event.timestamp(), index)) {
            ItemRecord existing = records.get(update.item());
            ItemRecord record = itemSide.apply(existing, update);
            if (record != existing) {
                records.put(update.item(), record);
            }
            index.upsert(record);
        }
    }

    /** The user's pick against the list shown just before it: the signal adaptive fusion learns from. */
    private void creditLastList(int user, LoggedEvent event) {
        List<ScoredItem> list = shown[user];
        shown[user] = null;
        if (list == null) {
            return;
        }
        List<ScoredItem.Source> sources = new ArrayList<>(list.size());
        int hit = -1;
        for (ScoredItem item : list) {
            if (item.item().equals(event.item())) {
                hit = sources.size();
            }
            sources.add(item.source());
        }
        fusion.observe(sources, hit);
    }
}
