package io.streamrec.model.index;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Which item is in which slot of the {@link ItemIndex}, and per slot its entry and the columns a
 * scoring pass reads without fetching the entry (kept flat). A slot freed by a removal is reused
 * by the next new item.
 *
 * <p>What must hold: an occupied slot has its entry and columns set, a free one a null entry and
 * {@code available} false. Not thread-safe: written under the index's write lock, read under
 * either lock.
 */
final class ItemSlots {
    private final SlotMap slotOf = new SlotMap();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private ItemIndex.Entry[] entries = new ItemIndex.Entry[16];
    /** Per slot, 1 / sqrt(max(1, distinct users)): the co-visitation cosine's norm. */
    private float[] inverseSqrtUsers = new float[16];
    private double[] popularity = new double[16];
    private long[] popularityTimestamp = new long[16];
    /** False for a free slot. */
    private boolean[] available = new boolean[16];
    /** Slots ever used: occupied and free ones lie below. */
    private int count;
    /** Bumped by every write, so readers can tell how stale a derived view is. */
    private long version;

    /** The id-to-slot map, which the neighbour table resolves ids with. */
    SlotMap ids() {
        return slotOf;
    }

    /** How many items the slots hold. */
    int size() {
        return slotOf.size();
    }

    int count() {
        return count;
    }

    /** How many slots the columns have room for. */
    int capacity() {
        return entries.length;
    }

    long version() {
        return version;
    }

    /** The slot of {@code id}, or -1. */
    int slot(String id) {
        return slotOf.get(id);
    }

    /** The id in {@code slot}, or null when the slot is free. */
    String id(int slot) {
        return slotOf.id(slot);
    }

    /** Takes a slot for an id the slots do not hold, a freed one first; its entry is set next. */
    int add(String id) {
        int slot = freeSlots.isEmpty() ? count++ : freeSlots.pop();
        ensureCapacity(count);
        slotOf.put(id, slot);
        return slot;
    }

    void set(int slot, ItemIndex.Entry entry) {
        inverseSqrtUsers[slot] = (float) (1 / Math.sqrt(Math.max(1, entry.distinctUsers())));
        popularity[slot] = entry.popularity();
        popularityTimestamp[slot] = entry.popularityTimestamp();
        available[slot] = entry.metadata().available();
        entries[slot] = entry;
        version++;
    }

    /** Frees the slot {@code id} is in. */
    void free(int slot, String id) {
        slotOf.remove(id);
        entries[slot] = null;
        available[slot] = false;
        freeSlots.push(slot);
        version++;
    }

    /** Null for a free slot. */
    ItemIndex.Entry entry(int slot) {
        return entries[slot];
    }

    float inverseSqrtUsers(int slot) {
        return inverseSqrtUsers[slot];
    }

    double popularity(int slot) {
        return popularity[slot];
    }

    long popularityTimestamp(int slot) {
        return popularityTimestamp[slot];
    }

    boolean available(int slot) {
        return available[slot];
    }

    private void ensureCapacity(int slots) {
        if (slots > entries.length) {
            int capacity = Math.max(slots, entries.length * 2);
            entries = Arrays.copyOf(entries, capacity);
            inverseSqrtUsers = Arrays.copyOf(inverseSqrtUsers, capacity);
            popularity = Arrays.copyOf(popularity, capacity);
            popularityTimestamp = Arrays.copyOf(popularityTimestamp, capacity);
            available = Arrays.copyOf(available, capacity);
        }
    }
}
