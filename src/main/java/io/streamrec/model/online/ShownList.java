package io.streamrec.model.online;

import io.streamrec.model.ScoredItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A personalised list as the user received it: its items and the source that ranked each, in
 * list order. The user's next pick is credited against it.
 */
public record ShownList(List<String> items, List<ScoredItem.Source> sources) {
    public ShownList {
        if (items.size() != sources.size()) {
            throw new IllegalArgumentException("a shown list needs one source per item");
        }
        items = List.copyOf(items);
        sources = List.copyOf(sources);
    }

    public static ShownList of(List<ScoredItem> list) {
        List<String> items = new ArrayList<>(list.size());
        List<ScoredItem.Source> sources = new ArrayList<>(list.size());
        for (ScoredItem item : list) {
            items.add(item.item());
            sources.add(item.source());
        }
        return new ShownList(items, sources);
    }

    /** Where {@code item} stood in the list; -1 when it was not listed. */
    public int position(String item) {
        return items.indexOf(item);
    }
}
