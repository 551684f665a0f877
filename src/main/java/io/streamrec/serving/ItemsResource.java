package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.ItemIndex;
import io.streamrec.model.ModelParams;
import io.streamrec.model.Recommender;
import java.util.HashSet;
import java.util.Set;

/** Answers from this instance's copy of the item index: every instance holds all items. */
final class ItemsResource {
    static final int MAX_N = 100;

    private final ItemIndex index;
    private final Recommender recommender;
    private final int maxIdLength;

    ItemsResource(ItemIndex index, Recommender recommender, int maxIdLength) {
        this.index = index;
        this.recommender = recommender;
        this.maxIdLength = maxIdLength;
    }

    /** {@code GET /v1/items/{itemId}/similar?n=10}: items like this one; 404 for an unknown item. */
    void similar(Context ctx) {
        String item = QueryParams.id(ctx, "itemId", maxIdLength);
        int n = QueryParams.intParam(ctx, "n", 10, 1, MAX_N);
        if (!index.contains(item)) {
            throw new ApiError(404, "unknown item " + item);
        }
        ctx.json(ListResponse.ofScored(null, item, true, recommender.similar(item, n), ModelParams.VERSION));
    }

    /** {@code GET /v1/trending?n=10&exclude=a,b}: most popular items now, by decayed popularity. */
    void trending(Context ctx) {
        int n = QueryParams.intParam(ctx, "n", 10, 1, MAX_N);
        Set<String> exclude = new HashSet<>(QueryParams.listParam(ctx, "exclude"));
        ctx.json(ListResponse.ofScored(null, null, false,
                recommender.trending(exclude, entry -> true, n, System.currentTimeMillis()), ModelParams.VERSION));
    }
}
