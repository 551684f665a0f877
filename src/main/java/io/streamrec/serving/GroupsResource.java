package io.streamrec.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.streamrec.model.policy.GroupRecommender;
import io.streamrec.model.policy.GroupStrategy;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ModelParams;
import io.streamrec.model.UserProfile;
import io.streamrec.stores.UserStateQuery.UserView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/groups/recommendations} with {@code {"users": ["u1", "u2"], "strategy":
 * "average|least_misery|most_pleasure", "n": 10}}: items for the group together, none that any
 * member has seen. Each member's state is read from the instance that owns it, so members may
 * live on different instances; a member without events counts as a newcomer (popularity only).
 * The answer's {@code user} lists the members, comma-separated; {@code personalized} is true
 * when any member has history. Rules and diversity as query parameters ({@link PolicyParams}).
 * 400 for no users, more than {@link #MAX_MEMBERS}, an unknown strategy or n outside 1..{@link RequestLimits#maxN}.
 */
final class GroupsResource {
    static final int MAX_MEMBERS = 50;
    private static final String EXAMPLE = "{\"users\": [\"u1\", \"u2\"], \"strategy\": \"average\", \"n\": 10}";

    private final GroupRecommender groups;
    private final UserStates users;
    private final ListPolicy defaults;
    private final RequestLimits limits;

    GroupsResource(GroupRecommender groups, UserStates users, ListPolicy defaults, RequestLimits limits) {
        this.groups = groups;
        this.users = users;
        this.defaults = defaults;
        this.limits = limits;
    }

    void post(Context ctx) {
        JsonNode body = JsonBody.object(ctx.bodyAsBytes(), EXAMPLE);
        List<String> ids = JsonBody.ids(body, "users", limits.maxIdLength(), MAX_MEMBERS);
        GroupStrategy strategy;
        try {
            strategy = GroupStrategy.parse(JsonBody.text(body, "strategy", "average"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        int n = JsonBody.n(body, 10, limits.maxN());
        ListPolicy policy = defaults.and(PolicyParams.parse(ctx));
        List<GroupRecommender.Member> members = new ArrayList<>(ids.size());
        boolean personalized = false;
        for (String id : ids) {
            UserView view = users.anywhere(id);
            members.add(view == null ? new GroupRecommender.Member(id, UserProfile.empty(), Set.of())
                    : new GroupRecommender.Member(id, view.profile(), view.seen()));
            personalized |= view != null && !view.profile().isCold();
        }
        ctx.json(ListResponse.ofScored(String.join(",", ids), null, personalized,
                groups.recommend(members, strategy, policy, n, System.currentTimeMillis()), ModelParams.VERSION));
    }
}
