package io.streamrec.model.ranking;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.TopN;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Items like an item: cosine of item vectors blended with co-visitation, plus content
 * (TF-IDF cosine of categories, tags and title words) at the content blend weight. An item used
 * by fewer than {@link #FEW_USERS} users has little interaction evidence, so the interaction
 * signals are scaled by users / FEW_USERS and content takes the rest (an unused item: content
 * alone).
 */
final class SimilarItems {
    /** Below this many users an item's own interactions say too little: "similar" leans on content. */
    static final int FEW_USERS = 5;

    private final ModelParams params;
    private final ItemIndex index;
    /** The recommender's per-thread sums, which are sized to the catalogue: one set per thread, not two. */
    private final ThreadLocal<CoVisitSums> scratch;

    SimilarItems(ModelParams params, ItemIndex index, ThreadLocal<CoVisitSums> scratch) {
        this.params = params;
        this.index = index;
        this.scratch = scratch;
    }

    List<ScoredItem> of(String item, int n) {
        return index.read(snapshot -> {
            int target = snapshot.slot(item);
            if (target < 0) {
                return List.<ScoredItem>of();
            }
            ItemIndex.Entry self = snapshot.entry(target);
            int slots = snapshot.slotCount();
            CoVisitSums coVisitation = scratch.get().begin(slots, false);
            coVisitation.addWindow(snapshot, new int[] {target}, params.recencyDecay());
            float covMax = 0f;
            for (int s = 0; s < slots; s++) {
                covMax = Math.max(covMax, coVisitation.of(s));
            }
            float[] vector = snapshot.vector(target);
            float[] content = index.content().similarities(target, slots);
            double evidence = Math.min(1.0, (double) self.distinctUsers() / FEW_USERS);
            double contentWeight = params.contentWeight() + (1 - evidence);
            TopN top = new TopN(n);
            double[] score = new double[slots];
            ScoredItem.Source[] source = new ScoredItem.Source[slots];
            for (int s = 0; s < slots; s++) {
                ItemIndex.Entry e = snapshot.entry(s);
                if (s == target || e == null || !e.metadata().available()) {
                    continue;
                }
                double cosine = VectorMath.cosine(vector, snapshot.vector(s));
                double co = covMax > 0 ? coVisitation.of(s) / covMax : 0;
                double embeddingPart = evidence * params.embeddingWeight() * (cosine + 1) / 2;
                double coVisitationPart = evidence * params.coVisitationWeight() * co;
                double contentPart = contentWeight * content[s];
                score[s] = embeddingPart + coVisitationPart + contentPart;
                source[s] = contentPart > embeddingPart && contentPart > coVisitationPart ? ScoredItem.Source.CONTENT
                        : coVisitationPart > embeddingPart ? ScoredItem.Source.COVISITATION
                        : ScoredItem.Source.EMBEDDING;
                top.offer(s, score[s]);
            }
            String label = ListReasons.label(self);
            List<ScoredItem> result = new ArrayList<>(top.size());
            for (int s : top.slotsBestFirst()) {
                String reason = switch (source[s]) {
                    case COVISITATION -> "often together with " + label;
                    case CONTENT -> "like " + label + " in category, tags or title";
                    default -> "similar to " + label;
                };
                result.add(new ScoredItem(snapshot.entry(s).id(), score[s], source[s], reason));
            }
            return result;
        });
    }
}
