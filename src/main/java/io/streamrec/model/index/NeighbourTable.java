package io.streamrec.model.index;

import java.util.Arrays;

/**
 * Per slot of the {@link ItemIndex}, the item's co-visitation neighbours as slots and weights (a
 * {@link NeighbourRow}), kept in step with the records' {@link Neighbours}, so scoring needs no
 * id lookups. Rows hold slots, not ids; two logs make that safe:
 * <ul>
 *   <li>{@link PendingIds}: one shared String per neighbour the index does not hold yet;</li>
 *   <li>{@link RemovalLog}: which item each slot held when a removal freed it, so a row resolved
 *       at removal count r still names the items the slots held at r.</li>
 * </ul>
 *
 * <p>Not thread-safe. The index calls the writing methods ({@link #claim}, {@link #update},
 * {@link #freed}, {@link #sweepIfDue}, {@link #ensureCapacity}) under its write lock and the
 * reading ones under either lock; the {@link SlotMap} it shares is written under the same lock.
 */
final class NeighbourTable {
    private final SlotMap slotOf;
    private final PendingIds pendingIds = new PendingIds();
    private final RemovalLog removalLog = new RemovalLog();
    /** Per slot, its neighbours as last copied; null for a free slot. */
    private NeighbourRow[] rows = new NeighbourRow[16];
    private int removals;

    NeighbourTable(SlotMap slotOf) {
        this.slotOf = slotOf;
    }

    /** How many items have been removed so far: slots resolved at the same count still name the same items. */
    int removals() {
        return removals;
    }

    void ensureCapacity(int capacity) {
        if (capacity > rows.length) {
            rows = Arrays.copyOf(rows, capacity);
        }
        removalLog.ensureSlots(capacity);
    }

    /** The String the index should hold for an id it is about to hold: the rows' pending copy, if any. */
    String claim(String id) {
        return pendingIds.claim(id);
    }

    /** The slot's row, which an index entry reads its neighbours from. */
    NeighbourRow row(int slot) {
        return rows[slot];
    }

    /** Called before the slot map drops {@code id}: its slot, now free, held it until this removal. */
    void freed(int slot, String id) {
        removalLog.freed(slot, id, removals + 1);
        rows[slot] = null;
        removals++;
    }

    /** How many neighbours the item in {@code slot} has. */
    int count(int slot) {
        return rows[slot].size;
    }

    /** The row's weights, valid up to {@link #count}; shared: read, never write. */
    float[] weights(int slot) {
        return rows[slot].weights;
    }

    /** The slot of the k-th neighbour of the item in {@code slot}, or -1 when the index lacks it. */
    int neighbourSlot(int slot, int k) {
        return currentSlot(rows[slot], k);
    }

    /** The slots of the item's neighbours, valid up to {@link #count}; shared when current: read, never write. */
    int[] neighbourSlots(int slot) {
        NeighbourRow row = rows[slot];
        if (row.size == 0 || row.resolvedAtRemoval == removals && row.unknown == 0) {
            return row.slots;
        }
        // Rare: a removal since, or a neighbour the index did not know yet; resolve afresh.
        int[] slots = new int[row.size];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = neighbourSlot(slot, k);
        }
        return slots;
    }

    /** The ids of the row's neighbours, in its order; a copy. */
    String[] neighbourIds(NeighbourRow row) {
        String[] ids = new String[row.size];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = neighbourId(row, k);
        }
        return ids;
    }

    /**
     * Brings the slot's row in step with the record's neighbours. Most updates (negative samples,
     * gradients) leave them alone, so the row is kept; a few changes since the last copy are
     * caught up position by position; otherwise the row is copied afresh.
     */
    void update(int slot, boolean known, Neighbours neighbours) {
        NeighbourRow row = known ? rows[slot] : null;
        if (neighbours.size() == 0) {
            rows[slot] = NeighbourRow.EMPTY;
            return;
        }
        if (row == null || row == NeighbourRow.EMPTY) {
            row = null;
        } else {
            boolean sameSource = row.sourceSerial == neighbours.serial();
            boolean resolved = row.resolvedAtRemoval == removals;
            long behind = neighbours.version() - row.sourceVersion;
            if (sameSource && behind == 0 && resolved) {
                return;
            }
            if (sameSource && resolved && behind > 0 && behind <= Neighbours.CHANGE_LOG) {
                catchUp(row, neighbours, row.sourceVersion);
            } else {
                copy(slot, neighbours, resolved ? row : null);
            }
            row = rows[slot];
        }
        if (row == null) {
            copy(slot, neighbours, null);
            row = rows[slot];
        }
        row.resolvedAtRemoval = removals;
        row.sourceSerial = neighbours.serial();
        row.sourceVersion = neighbours.version();
    }

    /**
     * Sweeps the rows once enough pending ids have arrived, the pending pool has doubled or enough
     * removals are logged: each sweep is proportional to the rows, and comes after a number of
     * these proportional to the slots, so it costs O(1) per write amortised.
     */
    void sweepIfDue(int slotCount) {
        int due = Math.max(1024, slotCount / 8);
        if (pendingIds.needsSweep(due) || removalLog.size() > due) {
            sweep(slotCount);
        }
    }

    /**
     * Copies the record's neighbours into the slot's row. Neighbours keep their positions between
     * updates (a count grows in place, a newcomer takes the weakest's place), so into a
     * {@code reused} row only positions whose id changed (or was unknown) need a lookup.
     */
    private void copy(int slot, Neighbours neighbours, NeighbourRow reused) {
        NeighbourRow row = reused != null ? reused : (rows[slot] = new NeighbourRow(this));
        int size = neighbours.size();
        row.ensureCapacity(size, neighbours.capacity());
        for (int k = 0; k < size; k++) {
            copyPosition(row, k, neighbours);
        }
        truncate(row, size);
    }

    /** Applies only the positions the record's last changes touched (see {@link Neighbours#changedPosition}). */
    private void catchUp(NeighbourRow row, Neighbours neighbours, long copiedVersion) {
        int size = neighbours.size();
        row.ensureCapacity(size, neighbours.capacity());
        for (long v = copiedVersion + 1; v <= neighbours.version(); v++) {
            int k = neighbours.changedPosition(v);
            if (k < size) {
                copyPosition(row, k, neighbours);
            }
        }
        truncate(row, size);
    }

    /**
     * Position k of the row takes the record's id and weight, looking the slot up only when the id
     * changed or was unknown. Called on rows resolved at the current removal count only.
     */
    private void copyPosition(NeighbourRow row, int k, Neighbours neighbours) {
        String id = neighbours.id(k);
        row.weights[k] = neighbours.weight(k);
        int had = k < row.size ? row.slots[k] : NeighbourRow.NONE;
        String hadId = had >= 0 ? slotOf.id(had) : null;
        if (hadId == null || (hadId != id && !hadId.equals(id))) {
            int found = slotOf.get(id);
            if (found >= 0) {
                row.setKnown(k, found);
            } else if (had != -1) {
                row.setUnknown(k, pendingIds.share(id));
            } else {
                row.pendingIds[k] = pendingIds.share(id);
            }
        }
        row.size = Math.max(row.size, k + 1);
    }

    /** The slot the row's k-th neighbour is in now, or -1 when the index lacks it. */
    private int currentSlot(NeighbourRow row, int k) {
        int slot = row.slots[k];
        if (slot < 0) {
            return slotOf.get(row.pendingIds[k]);
        }
        // Only a removal can free a slot for another item; until one happens the slot holds.
        if (row.resolvedAtRemoval == removals) {
            return slot;
        }
        String removed = removalLog.heldAt(slot, row.resolvedAtRemoval);
        return removed == null ? slot : slotOf.get(removed);
    }

    /** The id of the row's k-th neighbour. */
    private String neighbourId(NeighbourRow row, int k) {
        int slot = row.slots[k];
        if (slot < 0) {
            return row.pendingIds[k];
        }
        String removed = row.resolvedAtRemoval == removals ? null : removalLog.heldAt(slot, row.resolvedAtRemoval);
        return removed != null ? removed : slotOf.id(slot);
    }

    /**
     * Resolves every row at the current removal count (slots freed since traced through the log)
     * and every pending neighbour that has arrived; then the log and the pending ids no row names
     * any more are dropped. A row's answers are the same before and after.
     */
    private void sweep(int slotCount) {
        pendingIds.clear();
        for (int slot = 0; slot < slotCount; slot++) {
            NeighbourRow row = rows[slot];
            if (row == null || row == NeighbourRow.EMPTY) {
                continue;
            }
            if (row.resolvedAtRemoval != removals || row.unknown > 0) {
                for (int k = 0; k < row.size; k++) {
                    String id = neighbourId(row, k);
                    int now = currentSlot(row, k);
                    if (now >= 0) {
                        row.setKnown(k, now);
                    } else if (row.slots[k] >= 0) {
                        row.setUnknown(k, id);
                    }
                    if (now < 0) {
                        pendingIds.keep(id);
                    }
                }
                row.resolvedAtRemoval = removals;
                row.compact();
            }
        }
        removalLog.cleared();
        pendingIds.swept();
    }

    private static void truncate(NeighbourRow row, int size) {
        for (int k = size; k < row.size; k++) {
            if (row.slots[k] == -1) {
                row.pendingIds[k] = null;
                row.unknown--;
            }
            row.slots[k] = NeighbourRow.NONE;
        }
        row.size = size;
        row.compact();
    }
}
