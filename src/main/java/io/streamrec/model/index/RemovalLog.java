package io.streamrec.model.index;

import java.util.Arrays;

/**
 * Which item each slot held when it was freed, for the removals since the last sweep. A
 * neighbour row keeps only slots (not ids), resolved at some removal count; when a slot has been
 * freed since (and perhaps reused), this tells which item it named, so the row's answers stay
 * what they were without an id String per neighbour. The index sweeps its rows and clears the
 * log before it grows long, so every row is resolved at {@link #base()} or later.
 */
final class RemovalLog {
    /** Per slot, the removal count that last freed it (0 for never). */
    private int[] freedAt = new int[16];
    /** Per entry since the base: the removal count that freed the same slot before, and the id it held. */
    private int[] previous = new int[16];
    private String[] ids = new String[16];
    private int base;
    private int count;

    void ensureSlots(int slots) {
        if (slots > freedAt.length) {
            freedAt = Arrays.copyOf(freedAt, Math.max(slots, freedAt.length * 2));
        }
    }

    /** Records that removal number {@code removal} (counting from 1) freed {@code slot}, which held {@code id}. */
    void freed(int slot, String id, int removal) {
        int entry = removal - base - 1;
        if (entry >= ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            previous = Arrays.copyOf(previous, previous.length * 2);
        }
        ids[entry] = id;
        previous[entry] = freedAt[slot];
        freedAt[slot] = removal;
        count = removal;
    }

    /**
     * The id {@code slot} held when the removal count was {@code at} (at least {@link #base()}),
     * or null when the slot has not been freed since, so still holds that item.
     */
    String heldAt(int slot, int at) {
        int removal = freedAt[slot];
        if (removal <= at || removal <= base) {
            return null;
        }
        // Walk back to the first freeing after `at`: the item freed then is the one held at `at`.
        // (A row resolved before the base is no longer the index's; the log's oldest stands in.)
        while (previous[removal - base - 1] > Math.max(at, base)) {
            removal = previous[removal - base - 1];
        }
        return ids[removal - base - 1];
    }

    int base() {
        return base;
    }

    /** Removals logged since the base. */
    int size() {
        return count - base;
    }

    /** After a sweep resolved every row at the current count: the log starts afresh. */
    void cleared() {
        base = count;
        ids = new String[16];
        previous = new int[16];
    }
}
