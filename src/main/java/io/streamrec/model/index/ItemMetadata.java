package io.streamrec.model.index;

import java.util.List;
import java.util.Objects;

/**
 * What the catalogue says about an item: the fields the business rules, diversity, explanations
 * and the catalogue endpoint read. One value shared by the item's record and its index entry, so
 * a catalogue field is added here, in the Avro schemas and in the codec, and nowhere else.
 *
 * <p>Immutable (the lists are copied), so the index keeps the record's value as it is and a
 * record is re-described by replacing it whole.
 *
 * @param title         null when the catalogue gives none
 * @param price         null when the catalogue gives none
 * @param availableFrom epoch ms the item goes on sale; null = no start
 * @param expires       epoch ms the item stops being shown; null = never
 */
public record ItemMetadata(String title, List<String> categories, List<String> tags, boolean available,
                           Double price, Long availableFrom, Long expires) {
    /** An item the catalogue has not described: no title, categories or tags, available, no window. */
    public static final ItemMetadata NONE = of(null, List.of(), List.of(), true);

    public ItemMetadata {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    /** Metadata without price or availability window. */
    public static ItemMetadata of(String title, List<String> categories, List<String> tags, boolean available) {
        return new ItemMetadata(title, categories, tags, available, null, null, null);
    }

    /** Whether the content keys (categories and tags) the content-start sums use are the same. */
    boolean sameContentKeys(ItemMetadata other) {
        return this == other || categories.equals(other.categories) && tags.equals(other.tags);
    }

    /** Whether what the content vectors are made of (title, categories, tags) is the same. */
    boolean sameContent(ItemMetadata other) {
        return this == other || Objects.equals(title, other.title) && sameContentKeys(other);
    }
}
