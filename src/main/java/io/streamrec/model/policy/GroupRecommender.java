package io.streamrec.model.policy;

import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.ranking.Recommender;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recommendations for several users at once. Candidates are the union of each member's own
 * best items (nothing any member has seen, all passing the rules); then every member scores
 * every candidate with the same blend, so their scores are comparable, and a
 * {@link GroupStrategy} turns the members' scores into the group's. Each item's reason is that
 * of the member who wants it most, named.
 */
public final class GroupRecommender {
    private final Recommender recommender;
    private final ItemIndex index;

    /** One member: a cold or unknown user has an empty profile and no history. */
    public record Member(String id, UserProfile profile, Set<String> seen) {}

    public GroupRecommender(Recommender recommender, ItemIndex index) {
        this.recommender = recommender;
        this.index = index;
    }

    public List<ScoredItem> recommend(List<Member> members, GroupStrategy strategy, ListPolicy policy, int n,
                                      long now) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one member");
        }
        SeenItems seenByAny = new SeenItems();
        members.forEach(m -> m.seen().forEach(seenByAny::add));
        Set<String> candidates = new LinkedHashSet<>();
        // The pool a policy re-ranks from, per member: the group's best items are among the members' best.
        int pool = ListPolicy.rerankPool(n);
        ListPolicy filtersOnly = ListPolicy.of(policy.rules());
        for (Member member : members) {
            filtersOnly.recommend(recommender, index, member.profile(), seenByAny, Set.of(), pool, now)
                    .forEach(item -> candidates.add(item.item()));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Map<String, ScoredItem>> byMember = new ArrayList<>(members.size());
        for (Member member : members) {
            Map<String, ScoredItem> scored = new HashMap<>();
            recommender.score(member.profile(), candidates, now).forEach(item -> scored.put(item.item(), item));
            byMember.add(scored);
        }
        List<ScoredItem> ranked = new ArrayList<>(candidates.size());
        double[] scores = new double[members.size()];
        for (String item : candidates) {
            ScoredItem keenest = null;
            int keenestMember = -1;
            for (int m = 0; m < members.size(); m++) {
                ScoredItem own = byMember.get(m).get(item);
                scores[m] = own == null ? 0 : own.score();
                if (own != null && (keenest == null || own.score() > keenest.score())) {
                    keenest = own;
                    keenestMember = m;
                }
            }
            if (keenest != null) {
                String reason = members.size() == 1 ? keenest.reason()
                        : "for " + members.get(keenestMember).id() + ": " + keenest.reason();
                ranked.add(new ScoredItem(item, strategy.aggregate(scores), keenest.source(), reason));
            }
        }
        ranked.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
        return policy.rerank(ranked, index, n, now);
    }
}
