package io.streamrec.evaluation;

/** An open-addressing map from int to int count; one per item holds its co-occurrence row. */
final class IntCounts {
    private static final int EMPTY = -1;
    private int[] keys = newKeys(8);
    private int[] values = new int[8];
    private int size;

    void increment(int key) {
        if ((size + 1) * 4 > keys.length * 3) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        values[i]++;
    }

    int get(int key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    /** Raw slots for a fast scan: a key of -1 marks an empty slot. */
    int[] keySlots() {
        return keys;
    }

    int[] valueSlots() {
        return values;
    }

    int size() {
        return size;
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = newKeys(capacity);
        values = new int[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != EMPTY) {
                int i = mix(oldKeys[s]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[s];
                values[i] = oldValues[s];
            }
        }
    }

    private static int[] newKeys(int capacity) {
        int[] keys = new int[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        return keys;
    }

    private static int mix(int key) {
        return key * 0x9E3779B9 ^ (key >>> 16);
    }
}
