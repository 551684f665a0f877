package io.streamrec.model.policy;

import io.streamrec.model.ScoredItem;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks a relevance-ordered list for variety. Maximal marginal relevance (Carbonell and
 * Goldstein, 1998) picks, one at a time, the candidate maximising
 * {@code lambda * relevance - (1 - lambda) * max cosine to the items already picked}, with
 * {@code lambda = 1 - diversity} and relevance min-max-normalised over the candidates so both
 * terms live on comparable scales. A cap per category then bounds how many picked items may
 * share a category (an item with several counts against each; items without one are never capped).
 *
 * @param diversity      0 keeps the relevance order, 1 maximises variety alone
 * @param maxPerCategory 0 for no cap
 */
public record Diversifier(double diversity, int maxPerCategory) {

    public Diversifier {
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be between 0 and 1, was " + diversity);
        }
        if (maxPerCategory < 0) {
            throw new IllegalArgumentException("maxPerCategory must be >= 0, was " + maxPerCategory);
        }
    }

    public static Diversifier none() {
        return new Diversifier(0, 0);
    }

    /** Whether this changes anything at all. */
    public boolean active() {
        return diversity > 0 || maxPerCategory > 0;
    }

    /**
     * Up to {@code n} of {@code ranked} (best first), in pick order; each keeps its own score.
     * Items the index no longer holds are dropped.
     */
    public List<ScoredItem> rerank(List<ScoredItem> ranked, ItemIndex index, int n) {
        if (!active()) {
            return ranked.subList(0, Math.min(n, ranked.size()));
        }
        int size = ranked.size();
        float[][] units = new float[size][];
        List<List<String>> categories = new ArrayList<>(size);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // One read pass: ItemIndex.entry would copy each item's neighbour list out of the index.
        index.read(snapshot -> {
            for (int k = 0; k < size; k++) {
                int slot = snapshot.slot(ranked.get(k).item());
                categories.add(slot < 0 ? null : snapshot.entry(slot).metadata().categories());
                units[k] = slot < 0 ? null : unit(snapshot.vector(slot));
            }
            return null;
        });
        for (ScoredItem item : ranked) {
            min = Math.min(min, item.score());
            max = Math.max(max, item.score());
        }
        double range = max - min;
        double lambda = 1 - diversity;
        // maxSimilarity[k]: the largest cosine of candidate k to anything picked so far.
        double[] maxSimilarity = new double[size];
        Arrays.fill(maxSimilarity, Double.NEGATIVE_INFINITY);
        boolean[] taken = new boolean[size];
        Map<String, Integer> perCategory = new HashMap<>();
        List<ScoredItem> picked = new ArrayList<>(Math.min(n, size));
        while (picked.size() < n) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                if (taken[k] || categories.get(k) == null || capped(categories.get(k), perCategory)) {
                    continue;
                }
                double relevance = range > 0 ? (ranked.get(k).score() - min) / range : 1;
                double redundancy = picked.isEmpty() ? 0 : Math.max(0, maxSimilarity[k]);
                double value = lambda * relevance - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            picked.add(ranked.get(best));
            for (String category : categories.get(best)) {
                perCategory.merge(category, 1, Integer::sum);
            }
            for (int k = 0; k < size; k++) {
                if (!taken[k] && units[k] != null && units[best] != null) {
                    maxSimilarity[k] = Math.max(maxSimilarity[k], VectorMath.dot(units[k], units[best]));
                }
            }
        }
        return picked;
    }

    private boolean capped(List<String> categories, Map<String, Integer> perCategory) {
        if (maxPerCategory <= 0) {
            return false;
        }
        for (String category : categories) {
            if (perCategory.getOrDefault(category, 0) >= maxPerCategory) {
                return true;
            }
        }
        return false;
    }

    private static float[] unit(float[] vector) {
        float norm = VectorMath.norm(vector);
        if (norm > 0) {
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= norm;
            }
        }
        return vector;
    }
}
