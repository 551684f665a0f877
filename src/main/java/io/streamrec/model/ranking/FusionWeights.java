package io.streamrec.model.ranking;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import java.util.Arrays;
import java.util.List;

/**
 * The blend weights of the recommendation sources (embedding, co-visitation, popularity,
 * content), optionally adapting online to which source users prove right.
 *
 * <p>Every listed item remembers the source that ranked it ({@link ScoredItem#source()}). When a
 * user's next event picks an item of their last list, that item's source earns a reward of 1
 * minus its expected share of the picks, and every other listed source loses its expected share;
 * each weight is then multiplied by exp(learningRate x reward) (multiplicative weights). The
 * expected share weighs each listed item by how often its position is picked (counted online,
 * with a 1/(position+1) prior), so a source is not rewarded for merely filling most of the list
 * or its top: the strongest source also takes the first places, which users pick most whatever
 * ranked them. A list the user ignored moves no weight. Each weight stays within [configured / {@link #BOUND}, configured x {@link #BOUND}], so a
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
    /** Picks seen at each list position, the online estimate of how likely a position is picked. */
    private long[] positionPicks = new long[64];

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

    /** Whether users' picks move the weights; when not, nothing needs to credit lists to them. */
    public boolean adaptive() {
        return adaptive;
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
        if (positionPicks.length < sources.size()) {
            positionPicks = Arrays.copyOf(positionPicks, sources.size());
        }
        positionPicks[hit]++;
        double[] expected = new double[SOURCES.length];
        double total = 0;
        for (int k = 0; k < sources.size(); k++) {
            double propensity = positionPicks[k] + 1.0 / (k + 1);
            expected[sources.get(k).ordinal()] += propensity;
            total += propensity;
        }
        int right = sources.get(hit).ordinal();
        for (int s = 0; s < SOURCES.length; s++) {
            if (expected[s] == 0 || configured[s] == 0) {
                continue;
            }
            double reward = (s == right ? 1 : 0) - expected[s] / total;
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
