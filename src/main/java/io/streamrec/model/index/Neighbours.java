package io.streamrec.model.index;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded map from neighbour item to co-visitation weight. When full, a new neighbour replaces
 * the weakest and inherits its weight (the space-saving heavy-hitters rule), so frequent
 * neighbours survive while memory per item stays fixed.
 */
public final class Neighbours {
    /** How many recent changes {@link #changedPosition} remembers. */
    static final int CHANGE_LOG = 32;
    private static final AtomicLong SERIALS = new AtomicLong();
    /** Unique to this list, so a copy can tell its source apart from any other without holding on to it. */
    private final long serial = SERIALS.incrementAndGet();
    private final String[] ids;
    /** ids[i].hashCode(), so the scan for an id compares ints and calls equals only on a match. */
    private final int[] hashes;
    private final float[] weights;
    private int size;
    private long version;
    /** The position the change that produced version v touched, at [v % CHANGE_LOG]. */
    private final int[] changeLog = new int[CHANGE_LOG];

    public Neighbours(int capacity) {
        ids = new String[capacity];
        hashes = new int[capacity];
        weights = new float[capacity];
    }

    public void add(String id, float weight) {
        version++;
        int hash = id.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && ids[i].equals(id)) {
                weights[i] += weight;
                logChange(i);
                return;
            }
        }
        if (size < ids.length) {
            logChange(size);
            ids[size] = id;
            hashes[size] = hash;
            weights[size++] = weight;
            return;
        }
        int weakest = 0;
        for (int i = 1; i < size; i++) {
            if (weights[i] < weights[weakest]) {
                weakest = i;
            }
        }
        ids[weakest] = id;
        hashes[weakest] = hash;
        weights[weakest] += weight;
        logChange(weakest);
    }

    /**
     * Appends a neighbour without looking for it in the list, for rebuilding a list from a stored
     * copy: a full list's ids are distinct because they were written from a list like this one, and
     * looking each up would make reading a record quadratic in its neighbours. Appending an id the
     * list already holds would keep it twice. Past the capacity (a copy stored under a larger one)
     * the neighbour is {@link #add}ed, as it would have been then.
     */
    public void append(String id, float weight) {
        if (size == ids.length) {
            add(id, weight);
            return;
        }
        version++;
        logChange(size);
        ids[size] = id;
        hashes[size] = id.hashCode();
        weights[size++] = weight;
    }

    public void remove(String id) {
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(id)) {
                version++;
                logChange(i);
                size--;
                ids[i] = ids[size];
                hashes[i] = hashes[size];
                weights[i] = weights[size];
                ids[size] = null;
                return;
            }
        }
    }

    private void logChange(int position) {
        changeLog[(int) (version % CHANGE_LOG)] = position;
    }

    /**
     * The position that the change producing {@code version} touched (a removal also shrinks the
     * list), so a copy up to {@link #CHANGE_LOG} changes behind can catch up position by
     * position. Valid for {@code version() - CHANGE_LOG < version <= version()}.
     */
    int changedPosition(long version) {
        return changeLog[(int) (version % CHANGE_LOG)];
    }

    long serial() {
        return serial;
    }

    /** Changes with every add or remove, so a reader can tell whether its copy is current. */
    public long version() {
        return version;
    }

    /** How many neighbours the list keeps at most. */
    int capacity() {
        return ids.length;
    }

    public int size() {
        return size;
    }

    public String id(int i) {
        return ids[i];
    }

    public float weight(int i) {
        return weights[i];
    }

    public String[] idsCopy() {
        return Arrays.copyOf(ids, size);
    }

    public float[] weightsCopy() {
        return Arrays.copyOf(weights, size);
    }
}
