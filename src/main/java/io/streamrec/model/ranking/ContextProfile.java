package io.streamrec.model.ranking;

import io.streamrec.model.ModelParams;
import io.streamrec.model.UserProfile;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A throwaway profile for a basket or session: its vector is the mean of the items' vectors and
 * its recent items are the items themselves, most recent first, so the recommender's embedding
 * and co-visitation signals both see the context. Nothing is stored.
 */
public final class ContextProfile {
    private ContextProfile() {}

    /**
     * @param items the context in the order it happened (the last is the most recent); items the
     *              index does not know add nothing to the vector
     * @return a cold profile when the index knows none of them
     */
    public static UserProfile of(List<String> items, ItemIndex index, ModelParams params) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            distinct.add(items.get(i));
        }
        List<String> newestFirst = new ArrayList<>(distinct);
        float[] mean = null;
        int known = 0;
        for (String item : newestFirst) {
            float[] vector = index.vector(item);
            if (vector != null) {
                mean = mean == null ? new float[vector.length] : mean;
                VectorMath.axpy(1f, vector, mean);
                known++;
            }
        }
        if (mean != null) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] /= known;
            }
        }
        List<String> recent = newestFirst.subList(0, Math.min(params.recentItems(), newestFirst.size()));
        return new UserProfile(mean, recent, known, 0);
    }
}
