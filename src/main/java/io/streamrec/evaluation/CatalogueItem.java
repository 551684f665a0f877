package io.streamrec.evaluation;

import java.util.List;

/** Catalogue metadata of one item: what the item side's describe path takes. */
public record CatalogueItem(String id, String title, List<String> categories) {
}
