package io.streamrec.model;

/** The default model with the content and fusion settings a test varies. */
public final class TestParams {
    private TestParams() {}

    public static ModelParams with(double contentWeight, boolean fusionAdaptive, double fusionLearningRate) {
        ModelParams d = ModelParams.defaults();
        return new ModelParams(d.dimensions(), d.learningRate(), d.regularization(), d.negatives(), d.initStd(),
                d.recentItems(), d.coVisitWindow(), d.neighbours(), d.popularityHalfLifeMs(), d.embeddingWeight(),
                d.coVisitationWeight(), d.popularityWeight(), d.recencyDecay(), d.pairDecay(), d.coVisitCandidates(),
                contentWeight, d.contentStart(), fusionAdaptive, fusionLearningRate);
    }
}
