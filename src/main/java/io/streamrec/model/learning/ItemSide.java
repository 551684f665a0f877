package io.streamrec.model.learning;

import io.streamrec.model.ModelParams;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;

/**
 * The rules of the item owner: how an item's state is born, changed by events, and changed by
 * catalogue metadata. The topology's item side and the evaluator both call these.
 */
public final class ItemSide {
    private final ModelParams params;

    public ItemSide(ModelParams params) {
        this.params = params;
    }

    /** Applies one event's contribution, creating the item (seeded noise) if it is new. */
    public ItemRecord apply(ItemRecord existing, ItemUpdate update) {
        ItemRecord record = existing != null ? existing : newRecord(update.item());
        update.applyTo(record, params.popularityHalfLifeMs());
        return record;
    }

    /**
     * Takes catalogue metadata. An item first seen here starts from the vectors of the items
     * closest to it in content (or the mean of the items sharing its categories and tags, see
     * {@link ModelParams#contentStart()}), so it can be recommended before anyone used it.
     */
    public ItemRecord describe(ItemRecord existing, String id, ItemMetadata metadata, ItemIndex index) {
        ItemRecord record = existing != null ? existing
                : new ItemRecord(id, startVector(id, metadata, index), params.neighbours());
        record.known = true;
        record.metadata = metadata;
        return record;
    }

    /** How many of the closest used items in content a new item's vector is borrowed from. */
    static final int CONTENT_START_NEIGHBOURS = 10;

    private float[] startVector(String id, ItemMetadata metadata, ItemIndex index) {
        return params.contentStart()
                ? index.contentInitialVector(id, metadata.title(), metadata.categories(), metadata.tags(),
                        params.initStd(), CONTENT_START_NEIGHBOURS)
                : index.initialVector(id, metadata.categories(), metadata.tags(), params.initStd());
    }

    private ItemRecord newRecord(String id) {
        return new ItemRecord(id, ItemIndex.noise(id, params.dimensions(), params.initStd()), params.neighbours());
    }
}
