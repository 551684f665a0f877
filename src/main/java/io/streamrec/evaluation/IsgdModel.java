package io.streamrec.evaluation;

import java.util.Map;
import java.util.Random;

/**
 * ISGD (Vinagre, Jorge, Gama, UMAP 2014): incremental matrix factorisation for positive-only
 * feedback. Per event err = 1 - u.v; u += lr (err v - reg u); v += lr (err u - reg v). Candidates
 * rank by u.v; users without a vector get POP.
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
            float ud = u[d];
            u[d] += lr * (err * v[d] - reg * ud);
            v[d] += lr * (err * ud - reg * v[d]);
        }
        counts[item]++;
        histories.add(user, item);
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
