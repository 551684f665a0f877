package io.streamrec.model.ranking;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.TopN;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ContentVectors;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.ranker.CurrentRanker;
import io.streamrec.model.ranker.PopularityOrder;
import io.streamrec.model.ranker.RankerFeatures;
import io.streamrec.model.ranker.RankerWeights;
import io.streamrec.model.ranker.RankingExample;
import io.streamrec.model.ranker.YoungPick;
import io.streamrec.model.ranker.YoungUserPicks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Ranks items for a user by blending three signals, each normalised to [0, 1] over the
 * candidates: the embedding score (user vector . item vector, min-max), co-visitation with the
 * user's most recent items (cosine on co-occurrence counts, max), and decayed popularity (max).
 * A user with no history gets popular items: trending and all-time popular ones, in the
 * {@link PopularityOrder} new users' first picks favour.
 */
public final class Recommender {
    /**
     * Every list considers the most popular items, this many times as many as it lists: a list
     * must be fillable from its candidates for a user with little history, or it falls back to
     * scoring the whole catalogue.
     */
    private static final int TRENDING_PER_LISTED = 2;
    private static final int[] NO_SLOTS = new int[0];

    /** How many of the user's newest items lend their content neighbours as candidates. */
    private static final int CONTENT_SOURCES = 3;
    /** Content neighbours each of them lends. */
    private static final int CONTENT_NEIGHBOURS = 10;

    private final ModelParams params;
    private final ItemIndex index;
    /** The blend weights; adaptive ones are moved by whoever observes users' picks (null: params' fixed weights). */
    private final FusionWeights fusion;
    /** Whether listed items carry their reason; the replay only needs the ranking. */
    private final boolean explains;
    /** The learned ranker personal lists are scored by once it has weights; null or empty: the blend. */
    private final CurrentRanker ranker;
    /** Per-thread content score of each candidate, beside {@link Candidates}. */
    private final ThreadLocal<float[][]> contentScratch = ThreadLocal.withInitial(() -> new float[][] {new float[64]});
    /** Per-thread scratch, so a refresh allocates nothing proportional to the catalogue. */
    private final ThreadLocal<Candidates> scratch = ThreadLocal.withInitial(Candidates::new);
    private final ThreadLocal<CoVisitSums> coVisitScratch = ThreadLocal.withInitial(CoVisitSums::new);
    /** The thread's last personal list ranked by the learned ranker, which the user's next pick may answer. */
    private final ThreadLocal<ExampleRows> lastList = ThreadLocal.withInitial(ExampleRows::new);
    private final PopularityPool trending;
    /** The items with the most distinct users ever: a new user's candidates beside the trending ones. */
    private final PopularityPool allTime;
    private final SimilarItems similar;

    public Recommender(ModelParams params, ItemIndex index) {
        this(params, index, null);
    }

    /** @param fusion blend weights to read at every ranking (and to be moved by the caller), or null for fixed ones */
    public Recommender(ModelParams params, ItemIndex index, FusionWeights fusion) {
        this(params, index, fusion, true);
    }

    /**
     * @param explains false to leave every item's reason null: the same ranking without building
     *                 sentences, for a replay that only compares item ids
     */
    public Recommender(ModelParams params, ItemIndex index, FusionWeights fusion, boolean explains) {
        this(params, index, fusion, explains, null);
    }

    /** @param ranker the learned ranker's current weights, or null to rank by the blend alone */
    public Recommender(ModelParams params, ItemIndex index, FusionWeights fusion, boolean explains,
                       CurrentRanker ranker) {
        this.params = params;
        this.index = index;
        this.fusion = fusion;
        this.explains = explains;
        this.ranker = ranker;
        this.trending = PopularityPool.decayed(params);
        this.allTime = PopularityPool.allTime();
        this.similar = new SimilarItems(params, index, coVisitScratch);
    }

    /**
     * The user's list, best first; the history is kept as {@link SeenItems} so it is excluded by
     * slot rather than looked up id by id on every refresh.
     *
     * @param seen    the user's history, never shown; null for none
     * @param exclude further items never to return (request exclusions)
     * @param filter  business rules on item metadata; unavailable items are always dropped
     */
    public List<ScoredItem> recommend(UserProfile user, SeenItems seen, Set<String> exclude,
                                      Predicate<ItemIndex.Entry> filter, int n, long now) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        boolean personal = personalizes(user);
        return index.read(snapshot -> {
            int[] window = personal ? windowSlots(snapshot, user.recentItems) : NO_SLOTS;
            Candidates c = candidates(snapshot, personal, user, window, seen, exclude, filter, n, now);
            return rank(snapshot, user, personal, window, c, n, now);
        });
    }

    /**
     * Whether {@link #recommend} gives {@code user} a personal list: they have a history, and unless
     * they are young ({@link #isYoung}), the popular list of new users has not served users of
     * their band significantly better ({@link YoungUserPicks}).
     */
    public boolean personalizes(UserProfile user) {
        return user != null && !user.isCold()
                && !(isYoung(user) && ranker != null && ranker.popularServes(user.events));
    }

    /**
     * A user with a history shorter than the co-visitation window: the window the personal list
     * reads most is not full yet, and which list serves them is judged by their picks.
     */
    private boolean isYoung(UserProfile user) {
        return !user.isCold() && user.events >= 1
                && user.events < Math.min(params.coVisitWindow(), 1L << YoungUserPicks.BANDS);
    }

    /**
     * What {@code user} picked ({@code picked}) among the candidates a list of {@code n} had for them
     * just before: the pick's features first, then those of {@code negatives} other candidates drawn
     * at random. Null when the pick was not a candidate (nothing to learn about ranking it). For a
     * user with no history, the {@link PopularityOrder}s that had the pick among their first
     * {@code n} ({@link RankingExample#newUserPick}), null for none. For a young user ({@link #isYoung})
     * whose pick only one of their personal list and the popular one held, also which ({@link YoungPick}),
     * alone when the pick was no candidate. When this thread's last list was the user's, at this moment and
     * index, its candidates are those: the replay tests a list, then learns the pick it answered.
     */
    public RankingExample example(UserProfile user, SeenItems seen, String picked, int n, int negatives,
                                  Random random, long now) {
        if (user == null) {
            return null;
        }
        return index.read(snapshot -> {
            int pickedSlot = snapshot.slot(picked);
            if (pickedSlot < 0) {
                return null;
            }
            if (user.isCold()) {
                return newUserPick(snapshot, user, seen, pickedSlot, n, now);
            }
            boolean young = isYoung(user);
            ExampleRows rows = lastList.get();
            // A young user's pick needs the candidates' scores, kept with a personal list, not a popular one.
            if (!rows.isListOf(user, now, snapshot.version()) || (young && !rows.scored())) {
                int[] window = windowSlots(snapshot, user.recentItems);
                Candidates c = mayBeCandidate(snapshot, user, window, pickedSlot, seen, n, now)
                        ? candidates(snapshot, true, user, window, seen, Set.of(), entry -> true, n, now) : null;
                int at = c == null ? -1 : c.position(pickedSlot);
                if (at < 0 || !c.admitted[at]) {
                    // Not a candidate: there is no ranking to learn, so the candidates need no scores.
                    return young
                            ? withYoungPick(null, youngPick(snapshot, user, seen, pickedSlot, false, n, now)) : null;
                }
                Signals s = signals(snapshot, user, true, window, c, now);
                features(snapshot, user, window, c, s);
                if (young) {
                    score(c, s, ranker != null ? ranker.get() : null);
                }
                rows.keep(c, user, now, snapshot.version(), young);
            }
            RankingExample example = rows.example(pickedSlot, negatives, random);
            if (!young) {
                return example;
            }
            boolean personalHit = rows.holds(pickedSlot, n);
            return withYoungPick(example, youngPick(snapshot, user, seen, pickedSlot, personalHit, n, now));
        });
    }

    /**
     * The example (null for none) carrying a young user's pick when one list held it and the other
     * did not; a pick both or neither held says nothing about which serves them, and is not sent.
     */
    private static RankingExample withYoungPick(RankingExample example, YoungPick pick) {
        if (pick.personal() == pick.popular()) {
            return example;
        }
        return example == null ? RankingExample.youngPickOnly(pick) : example.withYoungPick(pick);
    }

    /**
     * A young user's pick with whether the popular list of a new user, without the items they have
     * seen, held it among the first n. Most picks are in neither popularity pool, which answers at once.
     */
    private YoungPick youngPick(ItemIndex.Snapshot snapshot, UserProfile user, SeenItems seen, int pickedSlot,
                                boolean personalHit, int n, long now) {
        boolean popularHit = false;
        if (inPool(trendingSlots(snapshot, n, now), pickedSlot, n)
                || inPool(allTime.slots(snapshot, now, TRENDING_PER_LISTED * n), pickedSlot, n)) {
            Candidates c = popularListHolding(snapshot, user, seen, pickedSlot, n, now);
            if (c != null) {
                PopularityOrders.score(snapshot, c, newUserOrder(), n);
                popularHit = c.expectedPosition(c.position(pickedSlot)) < n;
            }
        }
        return new YoungPick(YoungUserPicks.band(user.events), personalHit, popularHit);
    }

    private static boolean inPool(int[] pool, int slot, int n) {
        for (int t = 0; t < trendingCount(pool, n); t++) {
            if (pool[t] == slot) {
                return true;
            }
        }
        return false;
    }

    /** The orders whose lists of {@code n} for this new user had {@code pickedSlot} in the first n; null for none. */
    private RankingExample newUserPick(ItemIndex.Snapshot snapshot, UserProfile user, SeenItems seen,
                                       int pickedSlot, int n, long now) {
        Candidates c = popularListHolding(snapshot, user, seen, pickedSlot, n, now);
        int orders = c == null ? 0 : PopularityOrders.hits(snapshot, c, c.position(pickedSlot), n);
        return orders == 0 ? null : RankingExample.newUserPick(orders);
    }

    /**
     * The candidates of a new user's list of {@code n} (popular items, none of {@code seen}) with
     * their decayed popularity, when {@code pickedSlot} is an admitted one; null when it is not.
     */
    private Candidates popularListHolding(ItemIndex.Snapshot snapshot, UserProfile user, SeenItems seen,
                                          int pickedSlot, int n, long now) {
        Candidates c = candidates(snapshot, false, user, NO_SLOTS, seen, Set.of(), entry -> true, n, now);
        int at = c.position(pickedSlot);
        if (at < 0 || !c.admitted[at]) {
            return null;
        }
        signals(snapshot, user, false, NO_SLOTS, c, now);
        return c;
    }

    /** The order a new user's list takes: as new users' picks favour, once the ranker has counted any. */
    private PopularityOrder newUserOrder() {
        return ranker != null ? ranker.newUserOrder() : PopularityOrder.TRENDING;
    }

    /** The candidates of one list: co-visited, content neighbours and popular items, with admission decided. */
    private Candidates candidates(ItemIndex.Snapshot snapshot, boolean personal, UserProfile user, int[] window,
                                  SeenItems seen, Set<String> exclude, Predicate<ItemIndex.Entry> filter, int n,
                                  long now) {
        Candidates c = scratch.get().begin(snapshot.slotCount());
        CoVisitSums sums = personal ? coVisitScratch.get().begin(snapshot.slotCount(), explains) : null;
        if (seen != null) {
            int[] seenSlots = seen.slots(snapshot);
            for (int i = 0; i < seen.size(); i++) {
                exclude(seenSlots[i], c, sums);
            }
        }
        for (String id : exclude) {
            exclude(snapshot.slot(id), c, sums);
        }
        if (personal) {
            sums.addWindow(snapshot, window, params.recencyDecay());
            sums.appendBest(params.coVisitCandidates(), c);
            forEachContentNeighbour(snapshot, user.recentItems, neighbour -> {
                if (!c.excluded(neighbour)) {
                    c.add(neighbour);
                }
            });
        }
        addPool(trendingSlots(snapshot, n, now), n, c);
        if (!personal) {
            addPool(allTime.slots(snapshot, now, TRENDING_PER_LISTED * n), n, c);
        }
        int admitted = admit(snapshot, c, 0, exclude, filter);
        if (admitted < n && c.size < snapshot.slotCount()) {
            // The pool ran dry for this user (they had most of it): fall back to every item.
            int before = c.size;
            for (int slot = 0; slot < snapshot.slotCount(); slot++) {
                if (!c.excluded(slot)) {
                    c.add(slot);
                }
            }
            admit(snapshot, c, before, exclude, filter);
        }
        return c;
    }

    /** The first {@link #trendingCount} slots of a popularity pool, as candidates unless excluded. */
    private static void addPool(int[] pool, int n, Candidates c) {
        for (int t = 0; t < trendingCount(pool, n); t++) {
            if (!c.excluded(pool[t])) {
                c.add(pool[t]);
            }
        }
    }

    private static void exclude(int slot, Candidates c, CoVisitSums sums) {
        c.exclude(slot);
        if (sums != null) {
            sums.exclude(slot);
        }
    }

    /** Marks which candidates from {@code from} on may be shown; returns how many of all may. */
    private static int admit(ItemIndex.Snapshot snapshot, Candidates c, int from, Set<String> exclude,
                             Predicate<ItemIndex.Entry> filter) {
        int admitted = 0;
        for (int k = 0; k < c.size; k++) {
            if (k >= from) {
                int slot = c.slots[k];
                c.admitted[k] = snapshot.available(slot) && !c.excluded(slot) && filter.test(snapshot.entry(slot));
            }
            if (c.admitted[k]) {
                admitted++;
            }
        }
        return admitted;
    }

    /**
     * Whether {@code pickedSlot} can be among this user's {@link #candidates}: a co-visit neighbour of
     * the window, a content neighbour of the newest items, one of the trending slots lists consider,
     * or any item when those may leave a list short of {@code n} (the pool then falls back to every
     * item). False means it is surely not one. Most picks are not, and this costs a pass over the
     * window's neighbour slots where the candidates cost their sums, best and admission.
     */
    private boolean mayBeCandidate(ItemIndex.Snapshot snapshot, UserProfile user, int[] window, int pickedSlot,
                                   SeenItems seen, int n, long now) {
        int[] trending = trendingSlots(snapshot, n, now);
        int available = 0;
        for (int t = 0; t < trendingCount(trending, n); t++) {
            if (trending[t] == pickedSlot) {
                return true;
            }
            available += snapshot.available(trending[t]) ? 1 : 0;
        }
        // At most every seen item is among them: fewer than n left may mean the fallback.
        if (available - (seen == null ? 0 : seen.size()) < n) {
            return true;
        }
        for (int slot : window) {
            if (slot < 0) {
                continue;
            }
            int count = snapshot.neighbourCount(slot);
            int[] neighbours = snapshot.neighbourSlots(slot);
            for (int k = 0; k < count; k++) {
                if (neighbours[k] == pickedSlot) {
                    return true;
                }
            }
        }
        boolean[] found = {false};
        forEachContentNeighbour(snapshot, user.recentItems, neighbour -> found[0] |= neighbour == pickedSlot);
        return found[0];
    }

    /** The trending pool for lists of {@code n}: its first {@link #trendingCount} slots are considered. */
    private int[] trendingSlots(ItemIndex.Snapshot snapshot, int n, long now) {
        return trending.slots(snapshot, now, TRENDING_PER_LISTED * n);
    }

    private static int trendingCount(int[] trending, int n) {
        return Math.min(trending.length, TRENDING_PER_LISTED * n);
    }

    /**
     * Items close in content to the user's newest ones, when content counts: the only way an item
     * nobody used yet becomes a candidate.
     */
    private void forEachContentNeighbour(ItemIndex.Snapshot snapshot, List<String> recent, IntConsumer action) {
        if (weights()[ScoredItem.Source.CONTENT.ordinal()] <= 0) {
            return;
        }
        ContentVectors content = index.content();
        for (int r = 0; r < Math.min(CONTENT_SOURCES, recent.size()); r++) {
            int slot = snapshot.slot(recent.get(r));
            if (slot >= 0) {
                for (int neighbour : content.neighbours(slot, CONTENT_NEIGHBOURS)) {
                    if (neighbour < snapshot.slotCount()) {
                        action.accept(neighbour);
                    }
                }
            }
        }
    }

    /** The blend weights in force now, by source ordinal. */
    private double[] weights() {
        if (fusion != null) {
            return fusion.current();
        }
        double[] w = new double[ScoredItem.Source.values().length];
        w[ScoredItem.Source.EMBEDDING.ordinal()] = params.embeddingWeight();
        w[ScoredItem.Source.COVISITATION.ordinal()] = params.coVisitationWeight();
        w[ScoredItem.Source.POPULARITY.ordinal()] = params.popularityWeight();
        w[ScoredItem.Source.CONTENT.ordinal()] = params.contentWeight();
        return w;
    }

    /**
     * Each candidate's content score: its TF-IDF cosine with the user's recent items, the r-th newest
     * weighted recencyDecay^r like co-visitation. Null when content is off or the user has no history.
     */
    private float[] contentScores(int[] window, boolean personal, Candidates c, double weight) {
        if (!personal || weight <= 0) {
            return null;
        }
        double[] recency = new double[window.length];
        double w = 1;
        for (int r = 0; r < window.length; r++, w *= params.recencyDecay()) {
            recency[r] = w;
        }
        float[][] holder = contentScratch.get();
        if (holder[0].length < c.size) {
            holder[0] = new float[Math.max(c.size, holder[0].length * 2)];
        }
        index.content().scoreAgainst(window, recency, c.slots, c.size, holder[0]);
        return holder[0];
    }

    /**
     * Each signal of every admitted candidate, and the scales that normalise them into the blend: its
     * weight over the list's range of the signal, once per list so there is no division per candidate.
     */
    private record Signals(float[] content, float embOffset, double embScale, double covScale, double popScale,
                           double conScale, float embRange, float covMax, double popMax, float contentMax) {
    }

    private Signals signals(ItemIndex.Snapshot snapshot, UserProfile user, boolean personal, int[] window,
                            Candidates c, long now) {
        double[] weights = weights();
        double contentWeight = weights[ScoredItem.Source.CONTENT.ordinal()];
        float[] content = contentScores(window, personal, c, contentWeight);
        float contentMax = 0f;
        float embMin = Float.POSITIVE_INFINITY;
        float embMax = Float.NEGATIVE_INFINITY;
        float covMax = 0f;
        double popMax = 0;
        if (personal) {
            snapshot.dots(user.vector, c.slots, c.size, c.embedding);
        } else {
            // Weighted by zero below, but left from an earlier pass: never let a stale NaN through.
            java.util.Arrays.fill(c.embedding, 0, c.size, 0f);
        }
        for (int k = 0; k < c.size; k++) {
            if (!c.admitted[k]) {
                continue;
            }
            int slot = c.slots[k];
            c.popularity[k] = ItemRecord.decayed(snapshot.popularity(slot), snapshot.popularityTimestamp(slot), now,
                    params.popularityHalfLifeMs());
            popMax = Math.max(popMax, c.popularity[k]);
            if (personal) {
                embMin = Math.min(embMin, c.embedding[k]);
                embMax = Math.max(embMax, c.embedding[k]);
                covMax = Math.max(covMax, c.coVisitation[k]);
                if (content != null) {
                    contentMax = Math.max(contentMax, content[k]);
                }
            }
        }
        if (!personal) {
            return new Signals(null, 0f, 0, 0, popMax > 0 ? 1 / popMax : 0, 0, 0f, 0f, popMax, 0f);
        }
        float embRange = embMax - embMin;
        return new Signals(content, embMin,
                embRange > 0 ? weights[ScoredItem.Source.EMBEDDING.ordinal()] / embRange : 0,
                covMax > 0 ? weights[ScoredItem.Source.COVISITATION.ordinal()] / covMax : 0,
                popMax > 0 ? weights[ScoredItem.Source.POPULARITY.ordinal()] / popMax : 0,
                contentMax > 0 ? contentWeight / contentMax : 0,
                embRange, covMax, popMax, contentMax);
    }

    /** The learned ranker's features of every admitted candidate of a personal list, into {@code c.features}. */
    private void features(ItemIndex.Snapshot snapshot, UserProfile user, int[] window, Candidates c, Signals s) {
        float[] newest = c.coVisitationNewest(window.length > 0 ? window[0] : -1, snapshot);
        float newestMax = 0f;
        long usersMax = 0;
        for (int k = 0; k < c.size; k++) {
            if (c.admitted[k]) {
                newestMax = Math.max(newestMax, newest[k]);
                usersMax = Math.max(usersMax, snapshot.entry(c.slots[k]).distinctUsers());
            }
        }
        float activity = RankerFeatures.userActivity(user.events);
        // Vectors that overflowed say nothing; the blend ignores them the same way (a weight over an infinite range).
        boolean embeddingUsable = s.embRange() > 0 && Float.isFinite(s.embRange());
        double logPopularityMax = RankerFeatures.logOfMax(s.popMax());
        double logUsersMax = RankerFeatures.logOfMax(usersMax);
        float[] rows = c.features();
        for (int k = 0, at = 0; k < c.size; k++, at += RankerFeatures.COUNT) {
            if (!c.admitted[k]) {
                continue;
            }
            rows[at + RankerFeatures.EMBEDDING] = embeddingUsable ? (c.embedding[k] - s.embOffset()) / s.embRange() : 0f;
            rows[at + RankerFeatures.COVISITATION] = RankerFeatures.relative(c.coVisitation[k], s.covMax());
            rows[at + RankerFeatures.POPULARITY] = RankerFeatures.relative(c.popularity[k], s.popMax());
            rows[at + RankerFeatures.CONTENT] = s.content() == null ? 0f
                    : RankerFeatures.relative(s.content()[k], s.contentMax());
            rows[at + RankerFeatures.COVISITATION_NEWEST] = RankerFeatures.relative(newest[k], newestMax);
            rows[at + RankerFeatures.LOG_POPULARITY] =
                    RankerFeatures.logRelative(c.popularity[k], logPopularityMax);
            rows[at + RankerFeatures.LOG_USERS] = RankerFeatures.logRelative(
                    snapshot.entry(c.slots[k]).distinctUsers(), logUsersMax);
            rows[at + RankerFeatures.USER_ACTIVITY] = activity;
        }
    }

    /** Every admitted candidate's score, into {@code c.score}: by the learned ranker's weights if any, else the blend. */
    private static void score(Candidates c, Signals s, RankerWeights learned) {
        int size = c.size;
        boolean[] admitted = c.admitted;
        double[] score = c.score;
        if (learned != null) {
            float[] rows = c.features();
            double[] scratch = learned.scratch();
            for (int k = 0; k < size; k++) {
                if (admitted[k]) {
                    score[k] = learned.score(rows, k * RankerFeatures.COUNT, scratch);
                }
            }
            return;
        }
        // Arrays in locals: one loop-invariant view for the JIT, whose speculation on the
        // candidates' fields kept failing and recompiling this method during warm-up.
        float[] embedding = c.embedding;
        float[] coVisitation = c.coVisitation;
        double[] popularity = c.popularity;
        float[] contentOf = s.content() != null ? s.content() : coVisitation;
        double embScale = s.embScale();
        double covScale = s.covScale();
        double popScale = s.popScale();
        double conScale = s.conScale();
        float embOffset = s.embOffset();
        for (int k = 0; k < size; k++) {
            if (admitted[k]) {
                score[k] = embScale * (embedding[k] - embOffset) + covScale * coVisitation[k]
                        + popScale * popularity[k] + conScale * contentOf[k];
            }
        }
    }

    /** @param window slots of the user's newest items within the co-visitation window ({@link #windowSlots}) */
    private List<ScoredItem> rank(ItemIndex.Snapshot snapshot, UserProfile user, boolean personal, int[] window,
                                  Candidates c, int n, long now) {
        Signals s = signals(snapshot, user, personal, window, c, now);
        RankerWeights learned = personal && ranker != null ? ranker.get() : null;
        if (learned != null) {
            features(snapshot, user, window, c, s);
        }
        if (personal) {
            score(c, s, learned);
        } else {
            PopularityOrders.score(snapshot, c, newUserOrder(), n);
        }
        if (learned != null) {
            lastList.get().keep(c, user, now, snapshot.version(), true);
        }
        TopN top = new TopN(n);
        for (int k = 0; k < c.size; k++) {
            if (c.admitted[k]) {
                top.offer(k, c.score[k]);
            }
        }
        float[] contentOf = s.content() != null ? s.content() : c.coVisitation;
        List<ScoredItem> result = new ArrayList<>(top.size());
        ListReasons reasons = explains
                ? new ListReasons(snapshot, personal ? user : null, window, index.content()) : null;
        for (int k : top.slotsBestFirst()) {
            // Only the listed items need to know which signal carried them.
            ScoredItem.Source source = strongest(s.embScale() * (c.embedding[k] - s.embOffset()),
                    s.covScale() * c.coVisitation[k], s.popScale() * c.popularity[k], s.conScale() * contentOf[k],
                    personal);
            String reason = reasons == null ? null : reasons.of(c.slots[k], source, c.coVisitedFrom[k]);
            result.add(new ScoredItem(snapshot.entry(c.slots[k]).id(), c.score[k], source, reason));
        }
        return result;
    }

    /** The slots of the newest items, as far as the co-visitation window reaches (-1 for unknown ones). */
    private int[] windowSlots(ItemIndex.Snapshot snapshot, List<String> recent) {
        int[] slots = new int[Math.min(params.coVisitWindow(), recent.size())];
        for (int r = 0; r < slots.length; r++) {
            slots[r] = snapshot.slot(recent.get(r));
        }
        return slots;
    }

    /**
     * Scores exactly {@code items} (unknown and unavailable ones left out) for {@code user} with
     * the blend of {@link #recommend}, normalised over these items, best first. Group
     * recommendations compare their members on one candidate set this way.
     */
    public List<ScoredItem> score(UserProfile user, Collection<String> items, long now) {
        boolean personal = user != null && !user.isCold();
        Set<String> wanted = new HashSet<>(items);
        return index.read(snapshot -> {
            Candidates c = scratch.get().begin(snapshot.slotCount());
            for (String id : wanted) {
                int slot = snapshot.slot(id);
                if (slot >= 0) {
                    c.add(slot);
                }
            }
            if (c.size == 0) {
                return List.<ScoredItem>of();
            }
            int[] window = personal ? windowSlots(snapshot, user.recentItems) : NO_SLOTS;
            CoVisitSums sums = coVisitScratch.get().begin(snapshot.slotCount(), explains);
            sums.addWindow(snapshot, window, params.recencyDecay());
            for (int k = 0; k < c.size; k++) {
                c.coVisitation[k] = sums.of(c.slots[k]);
                c.coVisitedFrom[k] = sums.strongestFrom(c.slots[k]);
            }
            admit(snapshot, c, 0, Set.of(), entry -> wanted.contains(entry.id()));
            return rank(snapshot, user, personal, window, c, wanted.size(), now);
        });
    }

    /** A list for a user without history: popular items, in the order new users' picks favour. */
    public List<ScoredItem> trending(Set<String> exclude, Predicate<ItemIndex.Entry> filter, int n, long now) {
        return recommend(null, null, exclude, filter, n, now);
    }

    /** Whether the item is in the index now (a deleted item no longer is). */
    public boolean isIndexed(String item) {
        return index.contains(item);
    }

    /** Items like {@code item}, best first; see {@link SimilarItems}. Empty for an unknown item. */
    public List<ScoredItem> similar(String item, int n) {
        return similar.of(item, n);
    }

    private static ScoredItem.Source strongest(double embedding, double coVisitation, double popularity,
                                               double content, boolean personal) {
        if (!personal || (popularity >= embedding && popularity >= coVisitation && popularity >= content)) {
            return ScoredItem.Source.POPULARITY;
        }
        if (content > embedding && content > coVisitation) {
            return ScoredItem.Source.CONTENT;
        }
        return coVisitation >= embedding ? ScoredItem.Source.COVISITATION : ScoredItem.Source.EMBEDDING;
    }
}
