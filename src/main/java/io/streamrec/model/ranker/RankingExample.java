package io.streamrec.model.ranker;

/**
 * What one user picked among the candidates of that moment: the features of the picked item
 * first, then those of candidates they did not pick, {@link RankerFeatures#COUNT} values each.
 */
public record RankingExample(float[] rows, int candidates) {
    public RankingExample {
        if (candidates < 2 || rows.length != candidates * RankerFeatures.COUNT) {
            throw new IllegalArgumentException("an example needs the pick and at least one other candidate, "
                    + RankerFeatures.COUNT + " features each");
        }
    }
}
