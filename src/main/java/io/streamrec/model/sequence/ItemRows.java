package io.streamrec.model.sequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item id to embedding row, growing as new items appear. Row 0 is the padding row (no item), so
 * the item rows start at 1 and never move: a row once given keeps its item for good.
 * Not thread-safe: the trainer owns it.
 */
final class ItemRows {
    static final int PADDING = 0;

    private final Map<String, Integer> rows = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    /** The item's row, given now when the item is new. */
    int rowOf(String item) {
        Integer row = rows.get(item);
        if (row != null) {
            return row;
        }
        ids.add(item);
        rows.put(item, ids.size());
        return ids.size();
    }

    /** Rows in use, the padding row included. */
    int count() {
        return ids.size() + 1;
    }

    /** The items of rows 1.. in row order. */
    String[] items() {
        return ids.toArray(new String[0]);
    }
}
