package io.streamrec.model.index;

import java.util.Arrays;

/**
 * Item id to slot, with the id of each slot: an open-addressing table of slot numbers keyed by the
 * ids it holds itself, so an entry costs one int in the table and one reference by slot, where a
 * {@code HashMap<String, Integer>} spends a node and a boxed slot per item (about 50 bytes).
 * Not thread-safe: {@link ItemIndex} guards it with its lock.
 */
final class SlotMap {
    private static final int EMPTY = -1;
    /** slot + 0 for a used cell, EMPTY for a free one; linear probing, at most half full. */
    private int[] table = emptyTable(16);
    /** The id in each slot, null for a free slot. */
    private String[] ids = new String[16];
    private int size;

    int size() {
        return size;
    }

    /** The slot of {@code id}, or -1. */
    int get(String id) {
        int mask = table.length - 1;
        for (int cell = mix(id.hashCode()) & mask; ; cell = (cell + 1) & mask) {
            int slot = table[cell];
            if (slot == EMPTY) {
                return -1;
            }
            String key = ids[slot];
            if (key == id || key.equals(id)) {
                return slot;
            }
        }
    }

    /** The id held in {@code slot}, or null when the slot is free. */
    String id(int slot) {
        return slot < ids.length ? ids[slot] : null;
    }

    /** Maps an id that is not in the map to a free slot. */
    void put(String id, int slot) {
        if (2 * (size + 1) > table.length) {
            rehash(table.length * 2);
        }
        if (slot >= ids.length) {
            ids = Arrays.copyOf(ids, Math.max(slot + 1, ids.length * 2));
        }
        ids[slot] = id;
        insert(slot);
        size++;
    }

    /** Removes {@code id}; returns its slot, or -1 when it was not there. */
    int remove(String id) {
        int mask = table.length - 1;
        int cell = mix(id.hashCode()) & mask;
        while (table[cell] != EMPTY && !ids[table[cell]].equals(id)) {
            cell = (cell + 1) & mask;
        }
        int slot = table[cell];
        if (slot == EMPTY) {
            return -1;
        }
        table[cell] = EMPTY;
        ids[slot] = null;
        size--;
        // Backward-shift deletion: move up any later entry of the run that would no longer be reached.
        for (int next = (cell + 1) & mask; table[next] != EMPTY; next = (next + 1) & mask) {
            int home = mix(ids[table[next]].hashCode()) & mask;
            boolean reachableWithoutGap = cell <= next ? cell < home && home <= next : cell < home || home <= next;
            if (!reachableWithoutGap) {
                table[cell] = table[next];
                table[next] = EMPTY;
                cell = next;
            }
        }
        return slot;
    }

    private void insert(int slot) {
        int mask = table.length - 1;
        int cell = mix(ids[slot].hashCode()) & mask;
        while (table[cell] != EMPTY) {
            cell = (cell + 1) & mask;
        }
        table[cell] = slot;
    }

    private void rehash(int capacity) {
        table = emptyTable(capacity);
        for (int slot = 0; slot < ids.length; slot++) {
            if (ids[slot] != null) {
                insert(slot);
            }
        }
    }

    private static int[] emptyTable(int capacity) {
        int[] cells = new int[capacity];
        Arrays.fill(cells, EMPTY);
        return cells;
    }

    /** Spreads String hashes, whose low bits are poor for ids that differ only in their last digits. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
