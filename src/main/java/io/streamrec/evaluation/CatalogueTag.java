package io.streamrec.evaluation;

/** A tag some user put on an item at a time (MovieLens tags.csv): catalogue metadata that grows during the stream. */
public record CatalogueTag(String item, String tag, long timestamp) {
}
