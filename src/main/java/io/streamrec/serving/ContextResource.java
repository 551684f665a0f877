package io.streamrec.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.ranking.ContextProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.ranking.Recommender;
import io.streamrec.model.UserProfile;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.UserStateQuery.UserView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/recommendations/context} with {@code {"items": ["i1", "i2"], "user":
 * "optional", "n": 10}}: items for a basket or session (listed in the order they happened),
 * from a throwaway profile of those items: nothing is written, and the context items are never
 * in the answer. With a user, what the user has seen is left out too (the request is answered
 * by the instance owning the user). When the index knows none of the items the answer is
 * trending ({@code "personalized": false}). Rules and diversity as query parameters. 400 for no
 * items, more than {@link #MAX_ITEMS}, or n outside 1..{@link RequestLimits#maxN}.
 */
final class ContextResource {
    static final int MAX_ITEMS = 100;
    private static final String EXAMPLE = "{\"items\": [\"i1\", \"i2\"], \"user\": \"u1\", \"n\": 10}";

    private final Recommender recommender;
    private final ItemIndex index;
    private final ModelParams params;
    private final KeyRouter router;
    private final UserStates users;
    private final ListPolicy defaults;
    private final RequestLimits limits;

    ContextResource(Recommender recommender, ItemIndex index, ModelParams params, KeyRouter router, UserStates users,
                    ListPolicy defaults, RequestLimits limits) {
        this.recommender = recommender;
        this.index = index;
        this.params = params;
        this.router = router;
        this.users = users;
        this.defaults = defaults;
        this.limits = limits;
    }

    void post(Context ctx) {
        JsonNode body = JsonBody.object(ctx.bodyAsBytes(), EXAMPLE);
        List<String> items = JsonBody.ids(body, "items", limits.maxIdLength(), MAX_ITEMS);
        String user = JsonBody.optionalId(body, "user", limits.maxIdLength());
        int n = JsonBody.n(body, 10, limits.maxN());
        ListPolicy policy = defaults.and(PolicyParams.parse(ctx));
        if (user == null) {
            ctx.json(answer(null, items, Set.of(), n, policy));
        } else {
            router.serveFromOwner(ctx, StoreNames.USER_STATE, user, partition -> {
                UserView view = users.local(user, partition);
                ctx.json(answer(user, items, view == null ? Set.of() : view.seen(), n, policy));
            });
        }
    }

    private ListResponse answer(String user, List<String> items, Set<String> seen, int n, ListPolicy policy) {
        UserProfile profile = ContextProfile.of(items, index, params);
        List<ScoredItem> list = policy.recommend(recommender, index, profile, SeenItems.of(seen), Set.copyOf(items),
                n, System.currentTimeMillis());
        return ListResponse.ofScored(user, null, recommender.personalizes(profile), list, ModelParams.VERSION);
    }
}
