package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.ranking.Explainer;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.ModelParams;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.UserStateQuery.UserView;
import java.util.Set;

/**
 * {@code GET /v1/users/{userId}/because/{itemId}?n=10}: the user's recent items ranked by how
 * much they explain {@code itemId} (co-visitation and embedding similarity, as the blend weighs
 * them); each entry's reason says which. Answered by the instance owning the user. 404 for an
 * item the index does not hold or a user without events; 400 for n outside
 * 1..{@link RequestLimits#maxN}.
 */
final class ExplanationsResource {
    static final Set<String> PARAMS = Set.of(QueryParams.N);

    private final Explainer explainer;
    private final ItemIndex index;
    private final KeyRouter router;
    private final UserStates users;
    private final RequestLimits limits;

    ExplanationsResource(Explainer explainer, ItemIndex index, KeyRouter router, UserStates users,
                         RequestLimits limits) {
        this.explainer = explainer;
        this.index = index;
        this.router = router;
        this.users = users;
        this.limits = limits;
    }

    void because(Context ctx) {
        String user = QueryParams.id(ctx, "userId", limits.maxIdLength());
        String item = QueryParams.id(ctx, "itemId", limits.maxIdLength());
        int n = QueryParams.n(ctx, 10, limits.maxN());
        if (!index.contains(item)) {
            throw new ApiError(404, "unknown item " + item);
        }
        router.serveFromOwner(ctx, StoreNames.USER_STATE, user, partition -> {
            UserView view = users.local(user, partition);
            if (view == null) {
                throw new ApiError(404, "unknown user " + user + " (no events yet)");
            }
            ctx.json(ListResponse.ofScored(user, item, true, explainer.because(view.profile(), item, n),
                    ModelParams.VERSION));
        });
    }
}
