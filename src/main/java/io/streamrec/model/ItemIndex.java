package io.streamrec.model;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * Every item's vector and scoring metadata, in one row-major matrix so a user can be scored
 * against all items in one pass. Each instance holds a full copy, fed from the item side.
 *
 * <p>One writer (the item feed) and many readers (learners, refreshes, HTTP) share it; a
 * read-write lock keeps a scoring pass from seeing a half-grown matrix.
 */
public final class ItemIndex {
    private final int dimensions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<String, ContentSum> contentSums = new HashMap<>();
    private float[] matrix;
    private Entry[] entries;
    private int slotCount;

    /** Everything but the vector, immutable so readers can hold it outside the lock. */
    public record Entry(String id, String title, List<String> categories, List<String> tags, boolean available,
                        long distinctUsers, double popularity, long popularityTimestamp,
                        String[] neighbourIds, float[] neighbourWeights) {
    }

    private static final class ContentSum {
        final float[] sum;
        int count;

        ContentSum(int dimensions) {
            sum = new float[dimensions];
        }
    }

    public ItemIndex(int dimensions) {
        this.dimensions = dimensions;
        this.matrix = new float[16 * dimensions];
        this.entries = new Entry[16];
    }

    public int dimensions() {
        return dimensions;
    }

    /** Inserts or replaces an item; the record is copied, so the caller may keep mutating it. */
    public void upsert(ItemRecord record) {
        if (record.vector.length != dimensions) {
            throw new IllegalArgumentException("item " + record.id + " has " + record.vector.length
                    + " dimensions, the index " + dimensions);
        }
        Entry entry = new Entry(record.id, record.title, List.copyOf(record.categories), List.copyOf(record.tags),
                record.available, record.distinctUsers, record.popularity, record.popularityTimestamp,
                record.neighbours.idsCopy(), record.neighbours.weightsCopy());
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(record.id);
            if (slot == null) {
                slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
                ensureCapacity(slotCount);
                slotOf.put(record.id, slot);
            } else {
                addContent(entries[slot], slot, -1f);
            }
            System.arraycopy(record.vector, 0, matrix, slot * dimensions, dimensions);
            entries[slot] = entry;
            addContent(entry, slot, 1f);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(String id) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.remove(id);
            if (slot != null) {
                addContent(entries[slot], slot, -1f);
                entries[slot] = null;
                Arrays.fill(matrix, slot * dimensions, (slot + 1) * dimensions, 0f);
                freeSlots.push(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(String id) {
        return slot(id) >= 0;
    }

    /** The item's current vector (a copy), or null when the index does not know it. */
    public float[] vector(String id) {
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(id);
            return slot == null ? null : Arrays.copyOfRange(matrix, slot * dimensions, (slot + 1) * dimensions);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Entry entry(String id) {
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(id);
            return slot == null ? null : entries[slot];
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Where a new item's vector starts: the mean vector of the items that share its categories
     * and tags (its content representation), plus small noise seeded by its id, so every
     * instance that needs a starting vector before the item side publishes one gets the same.
     */
    public float[] initialVector(String id, List<String> categories, List<String> tags, float noiseStd) {
        float[] vector = noise(id, dimensions, noiseStd);
        lock.readLock().lock();
        try {
            float[] mean = new float[dimensions];
            int count = 0;
            for (String key : contentKeys(categories, tags)) {
                ContentSum sum = contentSums.get(key);
                if (sum != null && sum.count > 0) {
                    VectorMath.axpy(1f / sum.count, sum.sum, mean);
                    count++;
                }
            }
            if (count > 0) {
                VectorMath.axpy(1f / count, mean, vector);
            }
        } finally {
            lock.readLock().unlock();
        }
        return vector;
    }

    /** Deterministic Gaussian noise from an id: the same id yields the same vector everywhere. */
    public static float[] noise(String id, int dimensions, float std) {
        Random random = new Random(id.hashCode() * 0x9E3779B97F4A7C15L);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextGaussian() * std);
        }
        return vector;
    }

    /** A view for one scoring pass, taken under the read lock; see {@link #read}. */
    public interface Snapshot {
        int slotCount();

        /** Null for a free slot. */
        Entry entry(int slot);

        int slot(String id);

        float dot(float[] user, int slot);

        float[] vector(int slot);
    }

    /** Runs {@code pass} with a consistent view of the whole index. */
    public <T> T read(java.util.function.Function<Snapshot, T> pass) {
        lock.readLock().lock();
        try {
            return pass.apply(new Snapshot() {
                public int slotCount() {
                    return slotCount;
                }

                public Entry entry(int slot) {
                    return entries[slot];
                }

                public int slot(String id) {
                    Integer slot = slotOf.get(id);
                    return slot == null ? -1 : slot;
                }

                public float dot(float[] user, int slot) {
                    return VectorMath.dotRow(user, matrix, slot);
                }

                public float[] vector(int slot) {
                    return Arrays.copyOfRange(matrix, slot * dimensions, (slot + 1) * dimensions);
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A uniformly random item id among those matching {@code accept}, or null; for negative sampling. */
    public String randomItem(Random random, IntPredicate accept) {
        lock.readLock().lock();
        try {
            if (slotOf.isEmpty()) {
                return null;
            }
            for (int attempt = 0; attempt < 8; attempt++) {
                int slot = random.nextInt(slotCount);
                if (entries[slot] != null && accept.test(slot)) {
                    return entries[slot].id();
                }
            }
            return null;
        } finally {
            lock.readLock().unlock();
        }
    }

    private int slot(String id) {
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(id);
            return slot == null ? -1 : slot;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureCapacity(int slots) {
        if (slots > entries.length) {
            int capacity = Math.max(slots, entries.length * 2);
            entries = Arrays.copyOf(entries, capacity);
            matrix = Arrays.copyOf(matrix, capacity * dimensions);
        }
    }

    private void addContent(Entry entry, int slot, float sign) {
        if (entry == null) {
            return;
        }
        for (String key : contentKeys(entry.categories(), entry.tags())) {
            ContentSum sum = contentSums.computeIfAbsent(key, k -> new ContentSum(dimensions));
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += sign * matrix[slot * dimensions + i];
            }
            sum.count += (int) sign;
            if (sum.count == 0) {
                contentSums.remove(key);
            }
        }
    }

    private static List<String> contentKeys(List<String> categories, List<String> tags) {
        String[] keys = new String[categories.size() + tags.size()];
        int i = 0;
        for (String c : categories) {
            keys[i++] = "c:" + c;
        }
        for (String t : tags) {
            keys[i++] = "t:" + t;
        }
        return List.of(keys);
    }
}
