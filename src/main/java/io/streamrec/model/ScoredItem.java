package io.streamrec.model;

/**
 * One recommended item: its blended score, the signal that contributed most, and why (null from a
 * {@code ranking.Recommender} built not to explain, as the replay's is).
 */
public record ScoredItem(String item, double score, Source source, String reason) {

    /** The signal that ranked an item; clients can tell personal from fallback answers. */
    public enum Source { EMBEDDING, COVISITATION, POPULARITY, CONTENT }
}
