package io.streamrec.model.index;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The items one user interacted with, which their lists must never show, remembered together
 * with the index slots they resolved to: a refresh then marks the history by slot instead of
 * looking every id up again (a long history made those lookups the largest cost of a refresh).
 *
 * <p>Owned by whoever owns the user (one thread at a time). Slots are re-resolved only after
 * the index removed an item (a removal may hand the slot to another item) or for ids the index
 * did not know yet when last asked.
 */
public final class SeenItems {
    private final Set<String> ids = new HashSet<>();
    private String[] order = new String[16];
    private int[] slots = new int[16];
    private int size;
    /** order[0..resolved) have been looked up at least once since {@link #resolvedAtRemoval}. */
    private int resolved;
    private int resolvedAtRemoval = -1;
    /** How many of the looked-up ids the index did not know, so their lookups must be retried. */
    private int unknown;

    /** A history read from elsewhere (a store), in its iteration order. */
    public static SeenItems of(Iterable<String> ids) {
        SeenItems seen = new SeenItems();
        ids.forEach(seen::add);
        return seen;
    }

    /** Remembers {@code id}; returns false when it was already there. */
    public boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        order[size++] = id;
        return true;
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public int size() {
        return size;
    }

    /**
     * The slots of the remembered items in this snapshot, -1 for items it lacks; valid up to
     * {@link #size()}. Called under the snapshot's read lock.
     */
    public int[] slots(ItemIndex.Snapshot snapshot) {
        if (resolvedAtRemoval != snapshot.removals()) {
            resolved = 0;
            unknown = 0;
            resolvedAtRemoval = snapshot.removals();
        }
        if (unknown > 0) {
            unknown = 0;
            for (int i = 0; i < resolved; i++) {
                if (slots[i] < 0 && (slots[i] = snapshot.slot(order[i])) < 0) {
                    unknown++;
                }
            }
        }
        for (; resolved < size; resolved++) {
            if ((slots[resolved] = snapshot.slot(order[resolved])) < 0) {
                unknown++;
            }
        }
        return slots;
    }
}
