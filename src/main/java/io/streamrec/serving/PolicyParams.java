package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.BusinessRules;
import io.streamrec.model.Diversifier;
import io.streamrec.model.ListPolicy;
import java.util.HashSet;
import java.util.List;

/**
 * The query parameters every list endpoint takes for business rules and diversity:
 * {@code category=a,b} (only these), {@code excludeCategory=c}, {@code exclude=id1,id2},
 * {@code boost=category:weight,tag:weight}, {@code minPrice=}, {@code maxPrice=},
 * {@code diversity=0..1} and {@code maxPerCategory=}. They add to the configured defaults.
 */
final class PolicyParams {
    static final double MAX_PRICE = 1e12;
    private static final List<String> NAMES = List.of("category", "excludeCategory", "exclude", "boost", "minPrice",
            "maxPrice", "diversity", "maxPerCategory");

    private PolicyParams() {}

    /** The request's rules and diversity; {@link ListPolicy#none()} when it sets none, parsed no further. */
    static ListPolicy parse(Context ctx) {
        if (setsNone(ctx)) {
            return ListPolicy.none();
        }
        List<String> include = QueryParams.listParam(ctx, "category");
        Double diversity = QueryParams.doubleParam(ctx, "diversity", 0, 1);
        int maxPerCategory = QueryParams.intParam(ctx, "maxPerCategory", 0, 1, ItemsResource.MAX_N);
        try {
            BusinessRules rules = new BusinessRules(include.isEmpty() ? null : new HashSet<>(include),
                    new HashSet<>(QueryParams.listParam(ctx, "excludeCategory")),
                    new HashSet<>(QueryParams.listParam(ctx, "exclude")),
                    BusinessRules.parseBoosts(QueryParams.listParam(ctx, "boost")),
                    QueryParams.doubleParam(ctx, "minPrice", 0, MAX_PRICE),
                    QueryParams.doubleParam(ctx, "maxPrice", 0, MAX_PRICE));
            return new ListPolicy(rules, new Diversifier(diversity == null ? 0 : diversity, maxPerCategory));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static boolean setsNone(Context ctx) {
        for (String name : NAMES) {
            if (ctx.queryParam(name) != null) {
                return false;
            }
        }
        return true;
    }
}
