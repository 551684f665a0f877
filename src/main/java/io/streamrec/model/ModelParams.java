package io.streamrec.model;


/**
 * Hyperparameters of the streaming model. One immutable value shared by the topology and the
 * evaluator, so the system that runs is the system that is measured.
 *
 * @param dimensions          length of user and item vectors
 * @param learningRate        SGD step size
 * @param regularization      L2 penalty on the vectors touched by a step
 * @param negatives           sampled negative items per event (BPR)
 * @param initStd             scale of the deterministic noise new vectors start from
 * @param recentItems         distinct recent items kept per user (for co-visitation and reasons)
 * @param coVisitWindow       how many of the user's most recent items a new item is paired with
 * @param neighbours          co-visitation neighbours kept per item (space-saving counts)
 * @param popularityHalfLifeMs half-life of decayed popularity ("trending")
 * @param embeddingWeight     blend weight of the min-max-normalised embedding score
 * @param coVisitationWeight  blend weight of the max-normalised co-visitation score
 * @param popularityWeight    blend weight of the max-normalised decayed popularity
 * @param recencyDecay        co-visitation from the r-th most recent item (0 = newest) counts recencyDecay^r:
 *                            the newest items say most about what comes next
 * @param pairDecay           the learner pairs a new item with the r-th most recent one at weight pairDecay^r,
 *                            so close pairs in a user's sequence count more than distant ones
 * @param coVisitCandidates   how many of the best co-visited items a list considers (besides trending ones);
 *                            bounds the cost of a refresh whatever the window and neighbour counts
 * @param contentWeight       blend weight of the max-normalised content score (TF-IDF cosine of the candidate
 *                            with the user's recent items); 0 turns the content signal off
 * @param contentStart        whether a new item's vector starts from the items closest to it in content
 *                            (true) or from the mean of the items sharing its categories and tags (false)
 * @param fusionAdaptive      whether the blend weights adapt online to which source's items users pick
 *                            ({@code ranking.FusionWeights}); false keeps the weights above fixed
 * @param fusionLearningRate  step of the multiplicative update of adaptive blend weights
 */
public record ModelParams(
        int dimensions,
        float learningRate,
        float regularization,
        int negatives,
        float initStd,
        int recentItems,
        int coVisitWindow,
        int neighbours,
        long popularityHalfLifeMs,
        double embeddingWeight,
        double coVisitationWeight,
        double popularityWeight,
        double recencyDecay,
        double pairDecay,
        int coVisitCandidates,
        double contentWeight,
        boolean contentStart,
        boolean fusionAdaptive,
        double fusionLearningRate) {

    public static final String VERSION = "bpr-covis-content-ranker-5";

    public ModelParams {
        require(dimensions > 0 && dimensions <= 1024, "model.dimensions must be in 1..1024");
        require(learningRate > 0 && Float.isFinite(learningRate), "model.learning.rate must be > 0");
        require(regularization >= 0 && Float.isFinite(regularization), "model.regularization must be >= 0");
        require(negatives >= 0, "model.negatives must be >= 0");
        require(initStd > 0 && Float.isFinite(initStd), "model.init.std must be > 0");
        require(recentItems > 0, "model.recent.items must be > 0");
        require(coVisitWindow > 0 && coVisitWindow <= recentItems,
                "model.covisit.window must be in 1..model.recent.items");
        require(neighbours > 0, "model.neighbours must be > 0");
        require(popularityHalfLifeMs > 0, "model.popularity.half.life.ms must be > 0");
        require(embeddingWeight >= 0 && coVisitationWeight >= 0 && popularityWeight >= 0,
                "blend weights must be >= 0");
        require(recencyDecay > 0 && recencyDecay <= 1, "model.recency.decay must be in (0, 1]");
        require(pairDecay > 0 && pairDecay <= 1, "model.pair.decay must be in (0, 1]");
        require(coVisitCandidates > 0, "model.covisit.candidates must be > 0");
        require(contentWeight >= 0 && Double.isFinite(contentWeight), "blend.content must be >= 0");
        require(fusionLearningRate >= 0 && fusionLearningRate <= 1, "fusion.learning.rate must be in 0..1");
    }

    public static ModelParams defaults() {
        return new ModelParams(32, 0.05f, 0.01f, 5, 0.1f, 20, 10, 200,
                30L * 24 * 3600 * 1000, 0.5, 0.5, 0.05, 0.8, 0.9, 100,
                0.3, true, false, 0.02);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
