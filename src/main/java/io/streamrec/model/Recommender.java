package io.streamrec.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ranks items for a user by blending three signals, each normalised to [0, 1] over the
 * candidates: the embedding score (user vector . item vector, min-max), co-visitation with the
 * user's most recent items (cosine on co-occurrence counts, max), and decayed popularity (max).
 * A user with no history gets popularity alone (trending).
 */
public final class Recommender {
    private final ModelParams params;
    private final ItemIndex index;

    public Recommender(ModelParams params, ItemIndex index) {
        this.params = params;
        this.index = index;
    }

    /**
     * @param exclude items never to return (the user's history, request exclusions)
     * @param filter  business rules on item metadata; unavailable items are always dropped
     */
    public List<ScoredItem> recommend(UserProfile user, Set<String> exclude, Predicate<ItemIndex.Entry> filter,
                                      int n, long now) {
        boolean personal = user != null && !user.isCold();
        return index.read(snapshot -> {
            int slots = snapshot.slotCount();
            float[] coVisitation = new float[slots];
            int[] coVisitedFrom = new int[slots];
            if (personal) {
                accumulateCoVisitation(snapshot, user.recentItems, coVisitation, coVisitedFrom);
            }
            float[] embedding = new float[slots];
            double[] popularity = new double[slots];
            boolean[] candidate = new boolean[slots];
            float embMin = Float.POSITIVE_INFINITY;
            float embMax = Float.NEGATIVE_INFINITY;
            float covMax = 0f;
            double popMax = 0;
            for (int s = 0; s < slots; s++) {
                ItemIndex.Entry e = snapshot.entry(s);
                if (e == null || !e.available() || exclude.contains(e.id()) || !filter.test(e)) {
                    continue;
                }
                candidate[s] = true;
                popularity[s] = ItemRecord.decayed(e.popularity(), e.popularityTimestamp(), now,
                        params.popularityHalfLifeMs());
                popMax = Math.max(popMax, popularity[s]);
                if (personal) {
                    embedding[s] = snapshot.dot(user.vector, s);
                    embMin = Math.min(embMin, embedding[s]);
                    embMax = Math.max(embMax, embedding[s]);
                    covMax = Math.max(covMax, coVisitation[s]);
                }
            }
            double embRange = embMax - embMin;
            double[] parts = new double[3];
            TopN top = new TopN(n);
            double[] score = new double[slots];
            ScoredItem.Source[] source = new ScoredItem.Source[slots];
            for (int s = 0; s < slots; s++) {
                if (!candidate[s]) {
                    continue;
                }
                parts[0] = personal && embRange > 0 ? params.embeddingWeight() * (embedding[s] - embMin) / embRange : 0;
                parts[1] = covMax > 0 ? params.coVisitationWeight() * coVisitation[s] / covMax : 0;
                parts[2] = popMax > 0 ? params.popularityWeight() * popularity[s] / popMax : 0;
                score[s] = personal ? parts[0] + parts[1] + parts[2] : (popMax > 0 ? popularity[s] / popMax : 0);
                source[s] = strongest(parts, personal);
                top.offer(s, score[s]);
            }
            List<ScoredItem> result = new ArrayList<>(top.size());
            for (int s : top.slotsBestFirst()) {
                String reason = reason(snapshot, user, s, source[s], coVisitedFrom[s]);
                result.add(new ScoredItem(snapshot.entry(s).id(), score[s], source[s], reason));
            }
            return result;
        });
    }

    /** Most popular items now: the fallback for users without history. */
    public List<ScoredItem> trending(Set<String> exclude, Predicate<ItemIndex.Entry> filter, int n, long now) {
        return recommend(null, exclude, filter, n, now);
    }

    /** Items like {@code item}: cosine of item vectors blended with co-visitation. Empty for an unknown item. */
    public List<ScoredItem> similar(String item, int n) {
        return index.read(snapshot -> {
            int target = snapshot.slot(item);
            if (target < 0) {
                return List.<ScoredItem>of();
            }
            ItemIndex.Entry self = snapshot.entry(target);
            int slots = snapshot.slotCount();
            float[] coVisitation = new float[slots];
            accumulateCoVisitation(snapshot, List.of(item), coVisitation, new int[slots]);
            float covMax = 0f;
            for (float c : coVisitation) {
                covMax = Math.max(covMax, c);
            }
            float[] vector = snapshot.vector(target);
            TopN top = new TopN(n);
            double[] score = new double[slots];
            ScoredItem.Source[] source = new ScoredItem.Source[slots];
            for (int s = 0; s < slots; s++) {
                ItemIndex.Entry e = snapshot.entry(s);
                if (s == target || e == null || !e.available()) {
                    continue;
                }
                double cosine = VectorMath.cosine(vector, snapshot.vector(s));
                double co = covMax > 0 ? coVisitation[s] / covMax : 0;
                score[s] = params.embeddingWeight() * (cosine + 1) / 2 + params.coVisitationWeight() * co;
                source[s] = params.coVisitationWeight() * co > params.embeddingWeight() * (cosine + 1) / 2
                        ? ScoredItem.Source.COVISITATION : ScoredItem.Source.EMBEDDING;
                top.offer(s, score[s]);
            }
            String label = label(self);
            List<ScoredItem> result = new ArrayList<>(top.size());
            for (int s : top.slotsBestFirst()) {
                String reason = source[s] == ScoredItem.Source.COVISITATION
                        ? "often together with " + label : "similar to " + label;
                result.add(new ScoredItem(snapshot.entry(s).id(), score[s], source[s], reason));
            }
            return result;
        });
    }

    /** cov[j] += co(r, j) / sqrt(n_r * n_j) for each of the first coVisitWindow recent items r. */
    private void accumulateCoVisitation(ItemIndex.Snapshot snapshot, List<String> recent, float[] coVisitation,
                                        int[] strongestFrom) {
        float[] strongest = new float[coVisitation.length];
        int window = Math.min(params.coVisitWindow(), recent.size());
        for (int r = 0; r < window; r++) {
            int slot = snapshot.slot(recent.get(r));
            if (slot < 0) {
                continue;
            }
            ItemIndex.Entry source = snapshot.entry(slot);
            double sourceUsers = Math.max(1, source.distinctUsers());
            for (int k = 0; k < source.neighbourIds().length; k++) {
                int neighbour = snapshot.slot(source.neighbourIds()[k]);
                if (neighbour < 0) {
                    continue;
                }
                double neighbourUsers = Math.max(1, snapshot.entry(neighbour).distinctUsers());
                float similarity = (float) (source.neighbourWeights()[k] / Math.sqrt(sourceUsers * neighbourUsers));
                coVisitation[neighbour] += similarity;
                if (similarity > strongest[neighbour]) {
                    strongest[neighbour] = similarity;
                    strongestFrom[neighbour] = r;
                }
            }
        }
    }

    private static ScoredItem.Source strongest(double[] parts, boolean personal) {
        if (!personal || (parts[2] >= parts[0] && parts[2] >= parts[1])) {
            return ScoredItem.Source.POPULARITY;
        }
        return parts[1] >= parts[0] ? ScoredItem.Source.COVISITATION : ScoredItem.Source.EMBEDDING;
    }

    private String reason(ItemIndex.Snapshot snapshot, UserProfile user, int slot, ScoredItem.Source source,
                          int coVisitedFrom) {
        switch (source) {
            case COVISITATION:
                return "because you viewed " + label(snapshot, user.recentItems.get(coVisitedFrom));
            case EMBEDDING:
                return "because you viewed " + label(snapshot, mostSimilarRecent(snapshot, user, slot));
            default:
                return "trending";
        }
    }

    /** The recent item whose vector is closest to the candidate: the best single explanation. */
    private String mostSimilarRecent(ItemIndex.Snapshot snapshot, UserProfile user, int slot) {
        float[] candidate = snapshot.vector(slot);
        String best = user.recentItems.get(0);
        float bestCosine = Float.NEGATIVE_INFINITY;
        for (String recent : user.recentItems) {
            int s = snapshot.slot(recent);
            if (s >= 0) {
                float cosine = VectorMath.cosine(candidate, snapshot.vector(s));
                if (cosine > bestCosine) {
                    bestCosine = cosine;
                    best = recent;
                }
            }
        }
        return best;
    }

    private static String label(ItemIndex.Snapshot snapshot, String item) {
        int slot = snapshot.slot(item);
        return slot < 0 ? item : label(snapshot.entry(slot));
    }

    private static String label(ItemIndex.Entry entry) {
        return entry.title() != null && !entry.title().isBlank() ? entry.title() : entry.id();
    }
}
