package io.streamrec.model.content;

/**
 * One item's content as the encoder reads it: its hashed features, sorted and distinct, each with
 * its TF-IDF weight (the vector has unit length).
 */
public record ContentRow(int[] features, float[] weights) {
    public ContentRow {
        if (features.length != weights.length) {
            throw new IllegalArgumentException("a content row has one weight per feature");
        }
    }
}
