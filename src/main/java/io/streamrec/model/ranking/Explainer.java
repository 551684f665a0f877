package io.streamrec.model.ranking;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why an item suits a user: which of the user's recent items explain it, and how much. Each
 * recent item r is rated by the two personal signals of the blend: co-visitation as the scorer
 * counts it (recencyDecay^r * co(r, item) / sqrt(n_r * n_item), max-normalised over the recent
 * items) and the cosine of the item vectors (mapped to [0, 1]), weighted by the blend weights.
 * A recent item whose cosine reads 0.00 or less and that co-visitation does not carry explains
 * nothing and is left out.
 */
public final class Explainer {
    private final ModelParams params;
    private final ItemIndex index;

    public Explainer(ModelParams params, ItemIndex index) {
        this.params = params;
        this.index = index;
    }

    /** The user's recent items best first, up to {@code n}; empty when the index lacks {@code item}. */
    public List<ScoredItem> because(UserProfile user, String item, int n) {
        return index.read(snapshot -> {
            int target = snapshot.slot(item);
            if (target < 0 || user.recentItems.isEmpty()) {
                return List.<ScoredItem>of();
            }
            List<String> recent = user.recentItems;
            double[] coVisitation = new double[recent.size()];
            double[] cosine = new double[recent.size()];
            int[] slots = new int[recent.size()];
            double covMax = 0;
            float[] targetVector = snapshot.vector(target);
            double recency = 1;
            for (int r = 0; r < recent.size(); r++, recency *= params.recencyDecay()) {
                slots[r] = snapshot.slot(recent.get(r));
                if (slots[r] < 0 || slots[r] == target) {
                    continue;
                }
                coVisitation[r] = recency * coCount(snapshot, slots[r], target)
                        * snapshot.inverseSqrtUsers(slots[r]) * snapshot.inverseSqrtUsers(target);
                covMax = Math.max(covMax, coVisitation[r]);
                cosine[r] = VectorMath.cosine(targetVector, snapshot.vector(slots[r]));
            }
            String label = ListReasons.label(snapshot.entry(target));
            List<ScoredItem> explained = new ArrayList<>();
            for (int r = 0; r < recent.size(); r++) {
                if (slots[r] < 0 || slots[r] == target) {
                    continue;
                }
                double co = covMax > 0 ? params.coVisitationWeight() * coVisitation[r] / covMax : 0;
                double embedding = params.embeddingWeight() * (cosine[r] + 1) / 2;
                boolean together = co > embedding;
                if (!together && Math.round(cosine[r] * 100) <= 0) {
                    // Neither seen together nor alike (a cosine that reads 0.00 or less): no explanation.
                    continue;
                }
                String reason = together ? "viewed together with " + label + " by other users"
                        : String.format("similar to %s (cosine %.2f)", label, cosine[r]);
                explained.add(new ScoredItem(recent.get(r), co + embedding,
                        together ? ScoredItem.Source.COVISITATION : ScoredItem.Source.EMBEDDING, reason));
            }
            explained.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
            return explained.subList(0, Math.min(n, explained.size()));
        });
    }

    /** co(a, b) from a's neighbours (what the scorer reads), else from b's, else 0. */
    private static float coCount(ItemIndex.Snapshot snapshot, int a, int b) {
        float fromA = neighbourWeight(snapshot, a, b);
        return fromA > 0 ? fromA : neighbourWeight(snapshot, b, a);
    }

    private static float neighbourWeight(ItemIndex.Snapshot snapshot, int from, int to) {
        float[] weights = snapshot.entry(from).neighbourWeights();
        for (int k = 0; k < weights.length; k++) {
            if (snapshot.neighbourSlot(from, k) == to) {
                return weights[k];
            }
        }
        return 0;
    }
}
