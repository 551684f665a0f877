package io.streamrec.model;

import java.util.Arrays;

/**
 * A bounded map from neighbour item to co-visitation weight. When full, a new neighbour replaces
 * the weakest and inherits its weight (the space-saving heavy-hitters rule), so frequent
 * neighbours survive while memory per item stays fixed.
 */
public final class Neighbours {
    private final String[] ids;
    /** ids[i].hashCode(), so the scan for an id compares ints and calls equals only on a match. */
    private final int[] hashes;
    private final float[] weights;
    private int size;
    private long version;

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
                return;
            }
        }
        if (size < ids.length) {
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
    }

    public void remove(String id) {
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(id)) {
                version++;
                size--;
                ids[i] = ids[size];
                hashes[i] = hashes[size];
                weights[i] = weights[size];
                ids[size] = null;
                return;
            }
        }
    }

    /** Changes with every add or remove, so a reader can tell whether its copy is current. */
    public long version() {
        return version;
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
