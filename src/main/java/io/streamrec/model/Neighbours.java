package io.streamrec.model;

import java.util.Arrays;

/**
 * A bounded map from neighbour item to co-visitation weight. When full, a new neighbour replaces
 * the weakest and inherits its weight (the space-saving heavy-hitters rule), so frequent
 * neighbours survive while memory per item stays fixed.
 */
public final class Neighbours {
    private final String[] ids;
    private final float[] weights;
    private int size;

    public Neighbours(int capacity) {
        ids = new String[capacity];
        weights = new float[capacity];
    }

    public void add(String id, float weight) {
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(id)) {
                weights[i] += weight;
                return;
            }
        }
        if (size < ids.length) {
            ids[size] = id;
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
        weights[weakest] += weight;
    }

    public void remove(String id) {
        for (int i = 0; i < size; i++) {
            if (ids[i].equals(id)) {
                size--;
                ids[i] = ids[size];
                weights[i] = weights[size];
                ids[size] = null;
                return;
            }
        }
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
