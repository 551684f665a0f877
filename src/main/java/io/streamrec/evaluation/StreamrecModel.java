package io.streamrec.evaluation;

import io.streamrec.model.EventWeights;
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
 */
final class StreamrecModel implements ReplayModel {
    private final ReplayLog log;
    private final ModelParams params;
    private final EventWeights weights;
    private final Learner learner;
    private final ItemSide itemSide;
    private final ItemIndex index;
    private final Recommender recommender;
    private final Map<String, UserProfile> profiles = new HashMap<>();
    private final Map<String, SeenItems> seen = new HashMap<>();
    private final Map<String, ItemRecord> records = new HashMap<>();
    private final ListPolicy reranking;

    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue, long seed) {
        this(log, params, weights, catalogue, seed, ListPolicy.none());
    }

    /** @param reranking what the HTTP API's diversity parameters do, applied to every list of the replay */
    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue, long seed,
                   ListPolicy reranking) {
        this.reranking = reranking;
        this.log = log;
        this.params = params;
        this.weights = weights;
        this.learner = new Learner(params, new Random(seed));
        this.itemSide = new ItemSide(params);
        this.index = new ItemIndex(params.dimensions());
        this.recommender = new Recommender(params, index);
        for (CatalogueItem item : catalogue) {
            int known = log.items().find(item.id());
            String id = known >= 0 ? log.items().name(known) : item.id();
            ItemRecord record = itemSide.describe(records.get(id), id, item.title(), item.categories(),
                    List.of(), true, index);
            records.put(id, record);
            index.upsert(record);
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
        return out;
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        String id = log.users().name(user);
        UserProfile profile = profiles.get(id);
        List<ScoredItem> list = reranking.recommend(recommender, index, profile == null ? UserProfile.empty() : profile,
                seen.get(id), Set.of(), n, now);
        int[] items = new int[list.size()];
        for (int r = 0; r < items.length; r++) {
            items[r] = log.items().find(list.get(r).item());
        }
        return items;
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        // An event that is not learned from still excludes its item, as the protocol asks.
        seen.computeIfAbsent(event.user(), u -> new SeenItems()).add(event.item());
        double weight = weights.weight(event.type());
        if (weight <= 0) {
            return;
        }
        UserProfile profile = profiles.computeIfAbsent(event.user(), u -> UserProfile.empty());
        for (ItemUpdate update : learner.learn(profile, event.item(), weight, newForUser, event.timestamp(), index)) {
            ItemRecord existing = records.get(update.item());
            ItemRecord record = itemSide.apply(existing, update);
            if (record != existing) {
                records.put(update.item(), record);
            }
            index.upsert(record);
        }
    }
}
