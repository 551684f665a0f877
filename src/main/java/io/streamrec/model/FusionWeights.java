package io.streamrec.model;

import java.util.Arrays;
import java.util.List;

/**
 * The blend weights of the recommendation sources (embedding, co-visitation, popularity,
 * content), optionally adapting online to which source users prove right.
 *
 * <p>Every listed item remembers the source that ranked it ({@link ScoredItem#source()}). When a
 * user's next event picks an item of their last list, that item's source earns a reward of 1
 * minus its share of the list, and every other listed source loses its share; each weight is then
 * multiplied by exp(learningRate x reward) (multiplicative weights). The share correction means
 * a source is not rewarded for merely filling most of the list, and a list the user ignored says
 * nothing. Each weight stays within [configured / {@link #BOUND}, configured x {@link #BOUND}], so a
 * run of luck cannot switch a source off, and a source configured at 0 stays off. The update is
 * deterministic: the same events in the same order give the same weights.
 */
public final class FusionWeights {
    /** How far an adaptive weight may move from its configured value, as a factor either way. */
    public static final double BOUND = 4;
    private static final ScoredItem.Source[] SOURCES = ScoredItem.Source.values();

    private final double[] configured = new double[SOURCES.length];
    private final double[] weights;
    private final boolean adaptive;
    private final double learningRate;
    private long credited;

    public FusionWeights(ModelParams params) {
        configured[ScoredItem.Source.EMBEDDING.ordinal()] = params.embeddingWeight();
        configured[ScoredItem.Source.COVISITATION.ordinal()] = params.coVisitationWeight();
        configured[ScoredItem.Source.POPULARITY.ordinal()] = params.popularityWeight();
        configured[ScoredItem.Source.CONTENT.ordinal()] = params.contentWeight();
        weights = configured.clone();
        adaptive = params.fusionAdaptive();
        learningRate = params.fusionLearningRate();
    }

    /** The current weight of each source, indexed by {@link ScoredItem.Source#ordinal()}. */
    public synchronized double[] current() {
        return weights.clone();
    }

    public synchronized double weight(ScoredItem.Source source) {
        return weights[source.ordinal()];
    }

    /** How many events have moved the weights so far. */
    public synchronized long credited() {
        return credited;
    }

    /**
     * One event of a user whose last list showed items of {@code sources} (in list order).
     *
     * @param hit the position in that list of the event's item, -1 when it was not listed
     */
    public synchronized void observe(List<ScoredItem.Source> sources, int hit) {
        if (!adaptive || hit < 0 || hit >= sources.size()) {
            return;
        }
        int[] shown = new int[SOURCES.length];
        for (ScoredItem.Source s : sources) {
            shown[s.ordinal()]++;
        }
        int right = sources.get(hit).ordinal();
        for (int s = 0; s < SOURCES.length; s++) {
            if (shown[s] == 0 || configured[s] == 0) {
                continue;
            }
            double reward = (s == right ? 1 : 0) - (double) shown[s] / sources.size();
            double next = weights[s] * Math.exp(learningRate * reward);
            weights[s] = Math.max(configured[s] / BOUND, Math.min(configured[s] * BOUND, next));
        }
        credited++;
    }

    @Override
    public synchronized String toString() {
        return "FusionWeights" + Arrays.toString(weights);
    }
}
