package io.streamrec.model.online;

import io.streamrec.model.EventWeights;
import io.streamrec.model.Lifecycle;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.Learner;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ranker.RankingExample;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One user's event through the model, and one user's list: the same steps for the topology's
 * user side and for the replay, which differ only in where the user's state is kept and where
 * the item updates go (a changelogged outbox and a topic, or an in-memory sum).
 *
 * <p>An event first credits the list the user last received (adaptive blend), then moves the
 * user's vector and history (admission by the lifecycle), and returns what the items are owed.
 * A list excludes the user's history by slot and obeys the list policy. One step per owner of a
 * set of users (a task, a replay): its learner's random stream is not shared.
 */
public final class OnlineStep {
    private final SharedModel model;
    private final EventWeights weights;
    private final Learner learner;
    private final ListPolicy policy;
    /** Apart from the learner's, so drawing examples leaves the learning as it was. */
    private final Random exampleRandom = new Random(0x5eedL);

    /** @param random the stream negatives are sampled from; seeded per owner for repeatable runs */
    public OnlineStep(SharedModel model, EventWeights weights, Lifecycle lifecycle, ListPolicy policy, Random random) {
        this.model = model;
        this.weights = weights;
        this.policy = policy;
        this.learner = new Learner(model.params(), random, lifecycle);
    }

    /**
     * Whether {@link #learn} wants the user's last list for this event: only a pick of an item new
     * to the user can be one of its items (history is never listed), and only an adaptive blend
     * learns from it. Reading the list costs a store read live, so callers ask first.
     */
    public boolean creditsLastList(boolean newForUser) {
        return newForUser && model.blend().adaptive();
    }

    /**
     * Learns one event. The profile is moved in place.
     *
     * @param lastList the personalised list the user last received, or null (none, or not asked for)
     * @return what the event owes items, the event's item first; empty when its type is not learned
     */
    public List<ItemUpdate> learn(UserProfile profile, String item, String type, long time, boolean newForUser,
                                  ShownList lastList) {
        if (lastList != null && creditsLastList(newForUser)) {
            model.blend().observe(lastList.sources(), lastList.position(item));
        }
        double weight = weights.weight(type);
        if (weight <= 0) {
            return List.of();
        }
        return learner.learn(profile, item, type, weight, newForUser, time, model.index());
    }

    /**
     * Whether an event teaches the learned ranker: a pick of an item new to the user (history is
     * never a candidate) of a type that is learned. Drawing the example costs a pass over the
     * user's candidates, so callers ask first.
     */
    public boolean teachesRanker(String type, boolean newForUser) {
        return newForUser && weights.weight(type) > 0;
    }

    /**
     * What the user's pick of {@code item} teaches the learned ranker, from the candidates a list
     * of {@code n} had for them just before it (call before {@link #learn}); null when the pick was
     * not among them.
     */
    public RankingExample example(UserProfile profile, SeenItems seen, String item, int n, int negatives, long now) {
        return model.recommender().example(profile, seen, item, n, negatives, exampleRandom, now);
    }

    /**
     * Whether {@link #list} is personal for this user, not popular items
     * ({@link io.streamrec.model.ranking.Recommender#personalizes}).
     */
    public boolean personalizes(UserProfile profile) {
        return model.recommender().personalizes(profile);
    }

    /**
     * The user's list now under the policy, best first; {@code profile} may be cold (trending).
     *
     * @param seen the user's history, never listed
     */
    public List<ScoredItem> list(UserProfile profile, SeenItems seen, int n, long now) {
        return policy.recommend(model.recommender(), model.index(), profile, seen, Set.of(), n, now);
    }
}
