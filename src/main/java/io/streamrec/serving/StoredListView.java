package io.streamrec.serving;

import io.streamrec.model.policy.BusinessRules;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.stores.StoredList;
import io.streamrec.stores.StoredListLayout;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@link StoredList} where it lies, its Avro binary walked field by field, and renders
 * the lookup's answer from it: the JSON a {@link ListResponse} of the stored list rendered,
 * without a record, a string or a boxed score per item. At 5,000 lookups/s the garbage of decoding the
 * list set how often young collections paused every request. One view per HTTP thread, reused.
 */
final class StoredListView {
    private static final ThreadLocal<StoredListView> PER_THREAD = ThreadLocal.withInitial(StoredListView::new);

    private final StoredListLayout list = new StoredListLayout();
    private int[] admitted = new int[64];
    private int admittedCount;

    /** This thread's view, over {@code list}; valid until this thread reads its next list. */
    static StoredListView of(StoredList list) {
        StoredListView view = PER_THREAD.get();
        view.list.read(list.bytes());
        view.admittedCount = 0;
        if (view.admitted.length < view.list.size()) {
            view.admitted = new int[Math.max(view.list.size(), 2 * view.admitted.length)];
        }
        return view;
    }

    int size() {
        return list.size();
    }

    /**
     * Marks the first {@code n} items the rules admit at {@code now} (an item the index no longer
     * holds never is), in one read pass over the index; whether they answer the lookup: the
     * stored list answers when every item passes or at least {@code n} do, as in
     * {@link RecommendationsResource}.
     */
    boolean admit(ItemIndex index, BusinessRules rules, int n, long now) {
        admittedCount = 0;
        return index.read(snapshot -> {
            for (int i = 0; i < list.size() && admittedCount < n; i++) {
                int slot = snapshot.slot(item(i));
                if (slot >= 0 && rules.admits(snapshot.entry(slot), now)) {
                    admitted[admittedCount++] = i;
                }
            }
            return admittedCount >= Math.min(n, list.size());
        });
    }

    /** The partition of {@code interactions} holding the newest event the list reflects. */
    int lastEventPartition() {
        return list.lastEventPartition();
    }

    /** That event's offset. */
    long lastEventOffset() {
        return list.lastEventOffset();
    }

    /** The id of the i-th item. */
    String item(int i) {
        list.seek(list.itemAt(i));
        int length = (int) list.readLong();
        return new String(list.bytes(), list.position(), length, StandardCharsets.UTF_8);
    }

    /** The answer of {@link #admit}'s items, as {@code JsonAnswer} wrote the stored list's {@link ListResponse}. */
    JsonBytes json() {
        JsonBytes out = JsonBytes.forThisThread();
        list.seek(list.userAt());
        out.raw("{").name("user");
        string(out);
        list.seek(list.tailAt());
        boolean personalized = list.readBoolean();
        out.raw(",").name("personalized").bool(personalized).raw(",").name("items").raw("[");
        for (int k = 0; k < admittedCount; k++) {
            list.seek(list.itemAt(admitted[k]));
            out.raw(k == 0 ? "{" : ",{").name("item");
            string(out);
            out.raw(",").name("score").number(list.readDouble());
            out.raw(",").name("reason");
            string(out);
            out.raw(",").name("source");
            string(out);
            out.raw("}");
        }
        list.seek(list.tailAt() + 1);
        out.raw("],").name("modelVersion");
        string(out);
        out.raw(",").name("generatedAt").number(list.readLong());
        out.raw(",").name("lastEventTimestamp").number(list.readLong());
        out.raw(",").name("lastEventPartition").number(list.readLong());
        out.raw(",").name("lastEventOffset").number(list.readLong());
        out.raw(",").name("eventsSeen").number(list.readLong());
        return out.raw("}");
    }

    private void string(JsonBytes out) {
        int length = (int) list.readLong();
        out.string(list.bytes(), list.position(), length);
        list.skip(length);
    }
}
