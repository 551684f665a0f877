package io.streamrec.model.policy;

import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.ranking.Recommender;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a list is asked for beyond relevance: business rules and diversity. Filters run
 * inside the recommender's candidate pass, so a rule never shortens a list that the catalogue
 * could fill. Boosts and diversity change the order, so the recommender is asked for a larger
 * pool of the most relevant admitted items ({@link #poolSize}), which is then re-ranked.
 */
public record ListPolicy(BusinessRules rules, Diversifier diversifier) {
    /** Re-ranking looks at this many times the items asked for (and at least {@link #MIN_POOL}). */
    public static final int POOL_FACTOR = 5;
    public static final int MIN_POOL = 50;
    /** When a category cap leaves the list short, the pool is widened this many times, once. */
    public static final int DEEP_POOL_FACTOR = 10;

    public static ListPolicy of(BusinessRules rules) {
        return new ListPolicy(rules, Diversifier.none());
    }

    public static ListPolicy none() {
        return of(BusinessRules.none());
    }

    /** Whether the order can differ from pure relevance. */
    public boolean reorders() {
        return rules.hasBoosts() || diversifier.active();
    }

    public int poolSize(int n) {
        return reorders() ? rerankPool(n) : n;
    }

    /** How many of the most relevant items a re-ranking to {@code n} items looks at. */
    public static int rerankPool(int n) {
        return Math.max(MIN_POOL, POOL_FACTOR * n);
    }

    /** This policy with {@code request}'s rules added and its diversity settings in place of ours. */
    public ListPolicy and(ListPolicy request) {
        return new ListPolicy(rules.and(request.rules), request.diversifier.active() ? request.diversifier : diversifier);
    }

    /**
     * The user's list under this policy; {@code user} may be null or cold (trending). Their
     * history is excluded by slot; {@code exclude} names further items (a request's).
     *
     * @param seen the user's history, never listed; null for none
     */
    public List<ScoredItem> recommend(Recommender recommender, ItemIndex index, UserProfile user, SeenItems seen,
                                      Set<String> exclude, int n, long now) {
        Set<String> excluded = exclude;
        if (!rules.excludeItems().isEmpty()) {
            excluded = new HashSet<>(exclude);
            excluded.addAll(rules.excludeItems());
        }
        int size = poolSize(n);
        List<ScoredItem> pool = recommender.recommend(user, seen, excluded, rules.filter(now), size, now);
        if (!reorders()) {
            return pool;
        }
        List<ScoredItem> ranked = rerank(pool, index, n, now);
        if (ranked.size() < n && pool.size() == size && diversifier.maxPerCategory() > 0) {
            // The category cap used up the pool before the list was full: look once, deeper.
            pool = recommender.recommend(user, seen, excluded, rules.filter(now), DEEP_POOL_FACTOR * size, now);
            ranked = rerank(pool, index, n, now);
        }
        return ranked;
    }

    /**
     * Applies the policy to a list already ranked by relevance: drops what the rules do not
     * admit at {@code now}, multiplies boosted scores, re-sorts, diversifies and keeps {@code n}.
     */
    public List<ScoredItem> rerank(List<ScoredItem> ranked, ItemIndex index, int n, long now) {
        List<ScoredItem> kept = rules.admitted(index, ranked, ScoredItem::item, (item, entry) -> {
            double boost = rules.boost(entry);
            return boost == 1 ? item : new ScoredItem(item.item(), item.score() * boost, item.source(), item.reason());
        }, now);
        if (rules.hasBoosts()) {
            // A stable sort: equal scores keep the recommender's order.
            kept.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
        }
        return diversifier.rerank(kept, index, n);
    }
}
