package io.streamrec.model.index;

import java.util.Arrays;

/**
 * One item's neighbours as the index last copied them from its record, updated in place under
 * the write lock: a co-visitation pair changes one weight, so copying and re-resolving all of
 * them per event (the allocation that dominated the replay) is avoided. A neighbour costs its
 * slot and its weight; only a neighbour the index lacked keeps its id ({@link PendingIds}), and
 * a slot freed since the row was resolved is traced back through the {@link RemovalLog}.
 */
final class NeighbourRow {
    /** The row of every item without neighbours, shared, so never written. */
    static final NeighbourRow EMPTY = new NeighbourRow(null);
    /** In {@code slots}, a position at or beyond the size. */
    static final int NONE = -2;
    /** The table whose slots these are; null for a detached entry's row, which keeps ids only. */
    final NeighbourTable owner;
    float[] weights = new float[0];
    /** The slot of each neighbour, -1 when the index did not know it when resolved. */
    int[] slots = new int[0];
    /** The id of each neighbour at -1, else null; null when there is none. */
    String[] pendingIds;
    int size;
    /** How many of slots[0..size) are -1, so need a lookup. */
    int unknown;
    /** The removal count when the slots were resolved: any removal since may have reused one. */
    int resolvedAtRemoval;
    /**
     * Which {@link Neighbours} (its serial, not the object: holding it would keep the record's
     * whole list alive beside this copy) and which version of it the row was copied from.
     */
    long sourceSerial;
    long sourceVersion;

    NeighbourRow(NeighbourTable owner) {
        this.owner = owner;
    }

    /** A row of given neighbours, for an entry outside the index. */
    static NeighbourRow detached(String[] ids, float[] weights) {
        if (ids == null || ids.length == 0) {
            return EMPTY;
        }
        NeighbourRow row = new NeighbourRow(null);
        row.pendingIds = ids;
        row.weights = weights;
        row.size = ids.length;
        return row;
    }

    /** Room for n neighbours; doubling, but never past the source's capacity, which n never exceeds. */
    void ensureCapacity(int n, int sourceCapacity) {
        if (slots.length < n) {
            int had = slots.length;
            int capacity = Math.max(n, Math.min(had * 2, sourceCapacity));
            weights = Arrays.copyOf(weights, capacity);
            slots = Arrays.copyOf(slots, capacity);
            Arrays.fill(slots, had, capacity, NONE);
            if (pendingIds != null) {
                pendingIds = Arrays.copyOf(pendingIds, capacity);
            }
        }
    }

    void setUnknown(int k, String id) {
        if (pendingIds == null) {
            pendingIds = new String[slots.length];
        }
        slots[k] = -1;
        pendingIds[k] = id;
        unknown++;
    }

    void setKnown(int k, int slot) {
        if (slots[k] == -1) {
            pendingIds[k] = null;
            unknown--;
        }
        slots[k] = slot;
    }

    /** Drops the pending ids once none is left. */
    void compact() {
        if (unknown == 0) {
            pendingIds = null;
        }
    }
}
