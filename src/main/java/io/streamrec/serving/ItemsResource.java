package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ModelParams;
import io.streamrec.model.ranking.Recommender;
import java.util.Set;

/**
 * Answers from this instance's copy of the item index: every instance holds all items. Both
 * lists take the business-rule and diversity parameters ({@link PolicyParams}) on top of the
 * configured defaults.
 */
final class ItemsResource {
    /** What both lists read: n and the rules. */
    static final Set<String> PARAMS = QueryParams.with(PolicyParams.NAMES, QueryParams.N);

    private final ItemIndex index;
    private final Recommender recommender;
    private final ListPolicy defaults;
    private final RequestLimits limits;

    ItemsResource(ItemIndex index, Recommender recommender, ListPolicy defaults, RequestLimits limits) {
        this.index = index;
        this.recommender = recommender;
        this.defaults = defaults;
        this.limits = limits;
    }

    /**
     * {@code GET /v1/items/{itemId}/similar?n=10}: items like this one; 404 for an unknown item.
     * Rules and diversity apply to the most similar {@link ListPolicy#MIN_POOL} (at least 5n) items.
     */
    void similar(Context ctx) {
        String item = QueryParams.id(ctx, "itemId", limits.maxIdLength());
        int n = QueryParams.n(ctx, 10, limits.maxN());
        ListPolicy policy = defaults.and(PolicyParams.parse(ctx));
        if (!index.contains(item)) {
            throw new ApiError(404, "unknown item " + item);
        }
        ctx.json(ListResponse.ofScored(null, item, true,
                policy.rerank(recommender.similar(item, ListPolicy.rerankPool(n)), index, n, System.currentTimeMillis()),
                ModelParams.VERSION));
    }

    /** {@code GET /v1/trending?n=10&exclude=a,b}: most popular items now, by decayed popularity. */
    void trending(Context ctx) {
        int n = QueryParams.n(ctx, 10, limits.maxN());
        ListPolicy policy = defaults.and(PolicyParams.parse(ctx));
        ctx.json(ListResponse.ofScored(null, null, false,
                policy.recommend(recommender, index, null, null, Set.of(), n, System.currentTimeMillis()),
                ModelParams.VERSION));
    }
}
