package io.streamrec.evaluation;

import java.util.Map;
import java.util.Random;

/**
 * ISGD (Vinagre, Jorge, Gama, UMAP 2014): incremental matrix factorisation for positive-only
 * feedback. Per event err = 1 - u.v, computed once; then u += lr (err v - reg u), and only then
 * v += lr (err u - reg v) with the user vector just updated, as the paper and EVALUATION.md order
 * the two steps. Candidates rank by u.v; users without a vector get POP.
 */
final class IsgdModel implements ReplayModel {
    private final int k;
    private final float lr;
    private final float reg;
    private final Random random;
    private final UserHistories histories = new UserHistories(1);
    private final double[] counts;
    private final float[][] users;
    private final float[][] items;
    private final double[] score;

    IsgdModel(ReplayLog log, int k, float lr, float reg, long seed) {
        this.k = k;
        this.lr = lr;
        this.reg = reg;
        this.random = new Random(seed);
        counts = new double[log.items().size()];
        users = new float[log.users().size()][];
        items = new float[counts.length][];
        score = new double[counts.length];
    }

    @Override
    public String name() {
        return "ISGD";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("k", k, "learning_rate", lr, "regularization", reg);
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        float[] u = users[user];
        if (u == null) {
            return PopModel.topByCounts(counts, null, histories, user, n);
        }
        for (int i = 0; i < items.length; i++) {
            float[] v = items[i];
            score[i] = v == null ? 0 : dot(u, v);
        }
        return PopModel.topByCounts(counts, score, histories, user, n);
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        float[] u = users[user] != null ? users[user] : (users[user] = randomVector());
        float[] v = items[item] != null ? items[item] : (items[item] = randomVector());
        float err = 1f - dot(u, v);
        for (int d = 0; d < k; d++) {
            u[d] += lr * (err * v[d] - reg * u[d]);
        }
        for (int d = 0; d < k; d++) {
            v[d] += lr * (err * u[d] - reg * v[d]);
        }
        counts[item]++;
        histories.add(user, item);
    }

    /** A copy of the user's vector, null before the user's first event. */
    float[] userVector(int user) {
        return users[user] == null ? null : users[user].clone();
    }

    /** A copy of the item's vector, null before the item's first event. */
    float[] itemVector(int item) {
        return items[item] == null ? null : items[item].clone();
    }

    private float[] randomVector() {
        float[] vector = new float[k];
        for (int d = 0; d < k; d++) {
            vector[d] = (float) (random.nextGaussian() * 0.1);
        }
        return vector;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
