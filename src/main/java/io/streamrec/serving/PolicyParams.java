package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.policy.BusinessRules;
import io.streamrec.model.policy.Diversifier;
import io.streamrec.model.policy.ListPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The query parameters every list endpoint takes for business rules and diversity:
 * {@code category=a,b} (only these), {@code excludeCategory=c}, {@code exclude=id1,id2},
 * {@code boost=category:weight,tag:weight}, {@code minPrice=}, {@code maxPrice=},
 * {@code diversity=0..1} and {@code maxPerCategory=}. They add to the configured defaults.
 */
final class PolicyParams {
    private static final double PRICE_LIMIT = 1e12;
    private static final String CATEGORY = "category";
    private static final String EXCLUDE_CATEGORY = "excludeCategory";
    private static final String EXCLUDE = "exclude";
    private static final String BOOST = "boost";
    private static final String MIN_PRICE = "minPrice";
    private static final String MAX_PRICE = "maxPrice";
    private static final String DIVERSITY = "diversity";
    private static final String MAX_PER_CATEGORY = "maxPerCategory";
    private static final int MAX_PER_CATEGORY_LIMIT = 100;
    /** Every parameter {@link #parse} reads: a request setting none of them is answered without parsing. */
    static final Set<String> NAMES = Set.of(CATEGORY, EXCLUDE_CATEGORY, EXCLUDE, BOOST, MIN_PRICE, MAX_PRICE,
            DIVERSITY, MAX_PER_CATEGORY);

    private PolicyParams() {}

    /** The request's rules and diversity; {@link ListPolicy#none()} when it sets none, parsed no further. */
    static ListPolicy parse(Context ctx) {
        if (setsNone(ctx)) {
            return ListPolicy.none();
        }
        List<String> include = QueryParams.listParam(ctx, CATEGORY);
        Double diversity = QueryParams.doubleParam(ctx, DIVERSITY, 0, 1);
        int maxPerCategory = QueryParams.intParam(ctx, MAX_PER_CATEGORY, 0, 1, MAX_PER_CATEGORY_LIMIT);
        try {
            BusinessRules rules = new BusinessRules(include.isEmpty() ? null : new HashSet<>(include),
                    new HashSet<>(QueryParams.listParam(ctx, EXCLUDE_CATEGORY)),
                    new HashSet<>(QueryParams.listParam(ctx, EXCLUDE)),
                    BusinessRules.parseBoosts(QueryParams.listParam(ctx, BOOST)),
                    QueryParams.doubleParam(ctx, MIN_PRICE, 0, PRICE_LIMIT),
                    QueryParams.doubleParam(ctx, MAX_PRICE, 0, PRICE_LIMIT));
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
