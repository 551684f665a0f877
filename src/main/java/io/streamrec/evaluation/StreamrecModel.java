package io.streamrec.evaluation;

import io.streamrec.model.EventWeights;
import io.streamrec.model.FusionWeights;
import io.streamrec.model.ItemIndex;
import io.streamrec.model.ItemMetadata;
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
import java.util.function.BooleanSupplier;

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
    /** The index copy lists are ranked on: the state after every event learned so far. */
    private Replica ranked;
    /**
     * The copy the next event is learned on: the same object as {@link #ranked} when there is one
     * copy; otherwise it lacks the last event's updates ({@link #behind}) until its next learning step.
     */
    private Replica learning;
    /** The records the last learning step upserted, in order, which the other copy has yet to take. */
    private final List<ItemRecord> behind = new ArrayList<>();
    /** One trending pool for both copies' recommenders. */
    private final Recommender.SharedPool trending = new Recommender.SharedPool();
    /** Learns each event beside the ranking of its list when there are two copies; null with one. */
    private SideThread side;
    /** When to learn in turn with the ranking even with two copies (while the JIT needs the second core). */
    private final BooleanSupplier inTurn;
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

    /**
     * Logs from this many events on are replayed on two threads. The second copy of the index costs
     * every update twice, which pays only on logs long enough for the compiled code to dominate the
     * JIT's warm-up (docs/QUALITY.md, "Replay speed", has the measurements). The figures are the
     * same either way.
     */
    static final int LEARN_BESIDE_FROM = 300_000;

    /** When catalogue items enter the model in a replay. */
    enum CatalogueArrival { START, FIRST_EVENT }

    /** One copy of the item index with the recommender that ranks on it. */
    private record Replica(ItemIndex index, Recommender recommender) {
    }

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
        this(log, params, weights, catalogue, tags, seed, arrival, reranking,
                log.size() >= LEARN_BESIDE_FROM && arrival == CatalogueArrival.START && tags.isEmpty()
                        ? new CompilerActivity()::busy : null);
    }

    /**
     * @param inTurn null to keep one copy of the index and learn each event after its list; else two
     *               copies, each event learned on a second thread while its list is ranked, except when
     *               this says to learn in turn (while the JIT is busy). Two copies need the whole catalogue
     *               at the start and no tags, which would have to reach both copies between steps.
     */
    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue,
                   List<CatalogueTag> tags, long seed, CatalogueArrival arrival, ListPolicy reranking,
                   BooleanSupplier inTurn) {
        boolean learnBeside = inTurn != null;
        if (learnBeside && (arrival != CatalogueArrival.START || !tags.isEmpty())) {
            throw new IllegalArgumentException("learning beside the ranking needs the whole catalogue at the start"
                    + " and no tags");
        }
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
        this.fusion = new FusionWeights(params);
        this.ranked = replica();
        this.learning = learnBeside ? replica() : ranked;
        this.side = learnBeside ? new SideThread("replay-learning") : null;
        this.inTurn = inTurn;
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

    private Replica replica() {
        ItemIndex index = new ItemIndex(params.dimensions());
        return new Replica(index, new Recommender(params, index, fusion, false, trending));
    }

    private void describe(CatalogueItem item) {
        described.put(item.id(), item);
        List<String> itemTags = List.copyOf(tagsOf.getOrDefault(item.id(), new java.util.LinkedHashSet<>()));
        ItemRecord record = itemSide.describe(records.get(item.id()), item.id(),
                ItemMetadata.of(item.title(), item.categories(), itemTags, true), ranked.index());
        records.put(item.id(), record);
        // Both copies in the same order, so their slots, and so the candidates' order, match.
        ranked.index().upsert(record);
        if (learning != ranked) {
            learning.index().upsert(record);
        }
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
            String lowered = tag.tag().toLowerCase(java.util.Locale.ROOT);
            boolean added = tagsOf.computeIfAbsent(id, x -> new java.util.LinkedHashSet<>()).add(lowered);
            if (added && described.containsKey(id)) {
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
        return rank(user, profiles[user], n, now);
    }

    /** The list for {@code profile} (null for a user without events) on the copy that holds every event so far. */
    private int[] rank(int user, UserProfile profile, int n, long now) {
        List<ScoredItem> list = reranking.recommend(ranked.recommender(), ranked.index(),
                profile == null ? UserProfile.empty() : profile, seen[user], Set.of(), n, now);
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
        if (side != null) {
            // Asked to learn alone (the holdout's training), with no list beside it: the second copy
            // would only double the updates. The ranked copy holds every event so far; keep it alone.
            learning = ranked;
            behind.clear();
            side.stop();
            side = null;
        }
        learnInTurn(user, event, newForUser);
    }

    private void learnInTurn(int user, LoggedEvent event, boolean newForUser) {
        arrive(event.timestamp());
        creditLastList(user, event);
        remember(user, event);
        UserProfile learner = learnerProfile(user, event);
        if (learner != null) {
            learnOnLearningCopy(learner, event, newForUser);
            swapCopies();
        }
    }

    /**
     * With two copies, the event is learned on the side thread while its list is ranked here: both
     * read the state before the event, each from its own copy, so the list never sees the event and
     * the figures are those of {@link #recommend} then {@link #learn}. The user's profile is copied
     * for the ranking, since the learning moves it.
     */
    @Override
    public int[] testThenLearn(int user, int item, LoggedEvent event, boolean newForUser, boolean test, int n) {
        if (side == null || inTurn.getAsBoolean()) {
            int[] list = test ? recommend(user, n, event.timestamp()) : null;
            learnInTurn(user, event, newForUser);
            return list;
        }
        // Copied before the side thread may move it.
        UserProfile before = test && profiles[user] != null ? profiles[user].copy() : null;
        UserProfile learner = learnerProfile(user, event);
        if (learner != null) {
            side.submit(() -> learnOnLearningCopy(learner, event, newForUser));
        }
        int[] list = null;
        try {
            if (test) {
                list = rank(user, before, n, event.timestamp());
            }
            creditLastList(user, event);
            remember(user, event);
        } finally {
            if (learner != null) {
                side.await();
                swapCopies();
            }
        }
        return list;
    }

    /** An event that is not learned from still excludes its item, as the protocol asks. */
    private void remember(int user, LoggedEvent event) {
        if (seen[user] == null) {
            seen[user] = new SeenItems();
        }
        seen[user].add(event.item());
    }

    /** The profile the event moves, created for a user's first learned event; null when its type is not learned. */
    private UserProfile learnerProfile(int user, LoggedEvent event) {
        if (weights.weight(event.type()) <= 0) {
            return null;
        }
        if (profiles[user] == null) {
            profiles[user] = UserProfile.empty();
        }
        return profiles[user];
    }

    /**
     * The user side's learning step and the item side's updates, on the learning copy, after it has
     * taken the records the previous step changed: the same upserts in the same order, so both copies
     * assign the same slots and count the same writes. (A record changed twice in one step is taken
     * twice in its final state, which ends the same but for the rounding of the content sums that
     * start new items' vectors; two copies need the catalogue at the start, so no new item uses them.)
     */
    private void learnOnLearningCopy(UserProfile profile, LoggedEvent event, boolean newForUser) {
        ItemIndex index = learning.index();
        for (ItemRecord record : behind) {
            index.upsert(record);
        }
        behind.clear();
        for (ItemUpdate update : learner.learn(profile, event.item(), event.type(), weights.weight(event.type()),
                newForUser, event.timestamp(), index)) {
            ItemRecord existing = records.get(update.item());
            ItemRecord record = itemSide.apply(existing, update);
            if (record != existing) {
                records.put(update.item(), record);
            }
            index.upsert(record);
            if (learning != ranked) {
                behind.add(record);
            }
        }
    }

    /** The copy just learned on holds every event now; the other is one step behind. */
    private void swapCopies() {
        Replica caughtUp = learning;
        learning = ranked;
        ranked = caughtUp;
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
