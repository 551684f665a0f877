package io.streamrec.model.learning;

import io.streamrec.model.Lifecycle;
import io.streamrec.model.ModelParams;
import io.streamrec.model.UserProfile;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One online learning step per event: a weighted BPR update of the user vector against sampled
 * negative items, and the item-side contributions of that event (gradients, popularity,
 * co-visitation pairs with the user's recent items) returned for the item owner to apply.
 *
 * <p>The user vector is changed in place; item vectors are only read, since on a cluster the
 * item side owns them.
 */
public final class Learner {
    private final ModelParams params;
    private final Random random;

    private final Lifecycle lifecycle;
    /** The weights of the events stepped so far, whose mean a step's weight is taken relative to. */
    private double weightSum;
    private long weighted;

    public Learner(ModelParams params, Random random) {
        this(params, random, Lifecycle.defaults());
    }

    /** @param lifecycle when a user is admitted to a vector of their own */
    public Learner(ModelParams params, Random random, Lifecycle lifecycle) {
        this.params = params;
        this.random = random;
        this.lifecycle = lifecycle;
    }

    /** {@link #learn(UserProfile, String, String, double, boolean, long, ItemIndex)} of an event of no known type. */
    public List<ItemUpdate> learn(UserProfile user, String item, double weight, boolean newForUser,
                                  long timestamp, ItemIndex index) {
        return learn(user, item, null, weight, newForUser, timestamp, index);
    }

    /**
     * @param type       the event's type, kept beside the item among the user's recent ones (for
     *                   the reasons' verbs); null if not known
     * @param weight     how strongly this event type says "likes it" (configurable per type)
     * @param newForUser whether the user had never interacted with the item before
     * @return the updates the item side must apply, the event's item first
     */
    public List<ItemUpdate> learn(UserProfile user, String item, String type, double weight, boolean newForUser,
                                  long timestamp, ItemIndex index) {
        if (user.vector == null && !lifecycle.admitsUser(user.events + 1)) {
            // Not admitted yet: no vector to step, but the item side still counts the event.
            return itemSideShare(user, item, type, null, List.of(), weight, newForUser, timestamp);
        }
        float[] positive = vectorOf(item, index);
        if (user.vector == null) {
            // Fold-in: a new user starts where their first item is, so their first list is
            // already about that item rather than noise.
            user.vector = positive.clone();
        }
        // Relative to the traffic's mean: event weights rank types against each other, while the
        // step size stays the configured one whatever the scale of the weights. A log of purchases
        // alone at weight 5 otherwise steps five times as far as one of ratings at 1, and diverges.
        weightSum += weight;
        weighted++;
        double relativeWeight = weight * weighted / weightSum;
        float[] u = user.vector;
        float[] userGradient = new float[u.length];
        float[] positiveGradient = new float[u.length];
        List<ItemUpdate> negativeUpdates = new ArrayList<>(params.negatives());
        float lr = params.learningRate();
        float reg = params.regularization();
        double positiveScore = VectorMath.dot(u, positive);
        float[] negative = new float[u.length];

        for (int n = 0; n < params.negatives(); n++) {
            String negativeId = index.randomItem(random, negative);
            if (negativeId == null || negativeId.equals(item) || user.isRecent(negativeId)) {
                continue;
            }
            float g = (float) (relativeWeight * VectorMath.sigmoid(-(positiveScore - VectorMath.dot(u, negative))));
            for (int d = 0; d < u.length; d++) {
                userGradient[d] += g * (positive[d] - negative[d]);
                positiveGradient[d] += g * u[d];
            }
            float[] negativeStep = new float[u.length];
            for (int d = 0; d < u.length; d++) {
                negativeStep[d] = lr * (-g * u[d] - reg * negative[d]);
            }
            negativeUpdates.add(new ItemUpdate(negativeId, negativeStep, 0, 0, timestamp, Map.of()));
        }

        float[] positiveStep = new float[u.length];
        for (int d = 0; d < u.length; d++) {
            positiveStep[d] = lr * (positiveGradient[d] - reg * positive[d]);
            u[d] += lr * (userGradient[d] - reg * u[d]);
        }

        return itemSideShare(user, item, type, positiveStep, negativeUpdates, weight, newForUser, timestamp);
    }

    /**
     * The event's item with its gradient (null for none), popularity and co-visitation pairs with
     * the user's recent items, then the negatives' updates; and the user's history moved on.
     */
    private List<ItemUpdate> itemSideShare(UserProfile user, String item, String type, float[] positiveStep,
                                           List<ItemUpdate> negativeUpdates, double weight, boolean newForUser,
                                           long timestamp) {
        List<ItemUpdate> updates = new ArrayList<>(1 + negativeUpdates.size() + params.coVisitWindow());
        Map<String, Float> coVisits = new HashMap<>();
        if (newForUser) {
            // Pairs decay with distance in the user's sequence like the scoring does, so a long
            // window adds neighbours without drowning the close, telling pairs.
            int window = Math.min(params.coVisitWindow(), user.recentItems.size());
            float pairWeight = 1f;
            for (int r = 0; r < window; r++, pairWeight *= (float) params.pairDecay()) {
                String recent = user.recentItems.get(r);
                if (!recent.equals(item)) {
                    coVisits.put(recent, pairWeight);
                    updates.add(new ItemUpdate(recent, null, 0, 0, timestamp, Map.of(item, pairWeight)));
                }
            }
        }
        updates.add(0, new ItemUpdate(item, positiveStep, newForUser ? 1 : 0, weight, timestamp, coVisits));
        updates.addAll(negativeUpdates);

        user.touch(item, type, params.recentItems());
        user.events++;
        user.lastEventTimestamp = Math.max(user.lastEventTimestamp, timestamp);
        return updates;
    }

    /** An item the index has not heard of yet starts from the same seeded noise the item side will use. */
    private float[] vectorOf(String item, ItemIndex index) {
        float[] vector = index.vector(item);
        return vector != null ? vector : ItemIndex.noise(item, index.dimensions(), params.initStd());
    }
}
