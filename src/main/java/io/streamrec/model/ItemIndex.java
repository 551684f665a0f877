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
    /** Content vectors (TF-IDF of categories, tags, title words) by slot, kept in step with the metadata. */
    private final ContentVectors content = new ContentVectors();
    private float[] matrix;
    private Entry[] entries;
    /** Per slot, the slot of each neighbour in its entry (-1 when unknown), so scoring needs no id lookups. */
    private int[][] neighbourSlots;
    /** Per slot, the removal count when its neighbour slots were resolved: any removal since may have reused one. */
    private int[] resolvedAtRemoval;
    private int removals;
    /** Per slot, 1 / sqrt(max(1, distinct users)): the co-visitation cosine's norm, kept flat for scoring. */
    private float[] inverseSqrtUsers;
    /** Per slot, the Neighbours object and version last copied into its entry. */
    private Neighbours[] copiedNeighbours;
    private long[] copiedNeighboursVersion;
    /** Per slot, the content sums its categories and tags feed (null for none). */
    private ContentSum[][] contentOf;
    private int slotCount;
    /** Bumped by every write, so readers can tell how stale a derived view is. */
    private long version;

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
        this.neighbourSlots = new int[16][];
        this.resolvedAtRemoval = new int[16];
        this.inverseSqrtUsers = new float[16];
        this.copiedNeighbours = new Neighbours[16];
        this.copiedNeighboursVersion = new long[16];
        this.contentOf = new ContentSum[16][];
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
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(record.id);
            Entry old = null;
            if (slot == null) {
                slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
                ensureCapacity(slotCount);
                slotOf.put(record.id, slot);
            } else {
                old = entries[slot];
            }
            // Most updates (negative samples, gradients) leave the neighbours alone: share the
            // previous immutable copy instead of copying them again.
            boolean sameNeighbours = old != null && copiedNeighbours[slot] == record.neighbours
                    && copiedNeighboursVersion[slot] == record.neighbours.version();
            Entry entry = new Entry(record.id, record.title, List.copyOf(record.categories),
                    List.copyOf(record.tags), record.available, record.distinctUsers, record.popularity,
                    record.popularityTimestamp,
                    sameNeighbours ? old.neighbourIds() : record.neighbours.idsCopy(),
                    sameNeighbours ? old.neighbourWeights() : record.neighbours.weightsCopy());
            copiedNeighbours[slot] = record.neighbours;
            copiedNeighboursVersion[slot] = record.neighbours.version();
            if (old != null && old.categories().equals(entry.categories()) && old.tags().equals(entry.tags())) {
                // Same content keys, the common case of an event: move their sums by the vector's change.
                addContentChange(slot, record.vector);
                System.arraycopy(record.vector, 0, matrix, slot * dimensions, dimensions);
            } else {
                addContent(old, slot, -1f);
                System.arraycopy(record.vector, 0, matrix, slot * dimensions, dimensions);
                addContent(entry, slot, 1f);
            }
            if (!sameNeighbours || resolvedAtRemoval[slot] != removals) {
                neighbourSlots[slot] = resolveNeighbours(old, resolvedAtRemoval[slot] == removals
                        ? neighbourSlots[slot] : null, entry);
            }
            resolvedAtRemoval[slot] = removals;
            inverseSqrtUsers[slot] = (float) (1 / Math.sqrt(Math.max(1, entry.distinctUsers())));
            entries[slot] = entry;
            if (old == null || !java.util.Objects.equals(old.title(), entry.title())
                    || !old.categories().equals(entry.categories()) || !old.tags().equals(entry.tags())) {
                content.put(slot, entry.title(), entry.categories(), entry.tags());
            }
            version++;
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
                content.remove(slot);
                entries[slot] = null;
                neighbourSlots[slot] = null;
                copiedNeighbours[slot] = null;
                removals++;
                Arrays.fill(matrix, slot * dimensions, (slot + 1) * dimensions, 0f);
                freeSlots.push(slot);
                version++;
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

    /** The items' content vectors, by the slots of {@link #read} snapshots. */
    public ContentVectors content() {
        return content;
    }

    /**
     * Where a new item's vector starts when content drives it: the mean vector of the {@code k} items
     * closest in content (TF-IDF cosine over categories, tags and title words) that someone has
     * used, weighted by that cosine, plus the same seeded noise as {@link #initialVector}. Falls back
     * to {@link #initialVector} when no used item shares any content with it.
     */
    public float[] contentInitialVector(String id, String title, List<String> categories, List<String> tags,
                                        float noiseStd, int k) {
        lock.readLock().lock();
        try {
            ContentVectors.Nearest nearest = content.nearest(title, categories, tags, k,
                    slot -> entries[slot] != null && entries[slot].distinctUsers() > 0);
            if (nearest.slots().length == 0) {
                return initialVector(id, categories, tags, noiseStd);
            }
            float[] mean = new float[dimensions];
            float total = 0f;
            for (int i = 0; i < nearest.slots().length; i++) {
                int slot = nearest.slots()[i];
                float w = nearest.similarity()[i];
                for (int d = 0; d < dimensions; d++) {
                    mean[d] += w * matrix[slot * dimensions + d];
                }
                total += w;
            }
            float[] vector = noise(id, dimensions, noiseStd);
            VectorMath.axpy(1f / total, mean, vector);
            return vector;
        } finally {
            lock.readLock().unlock();
        }
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

        /** Count of writes so far; equal versions mean identical contents. */
        long version();

        /** The slot of the k-th neighbour of the item in {@code slot}, or -1 when the index lacks it. */
        int neighbourSlot(int slot, int k);

        /** 1 / sqrt(max(1, distinct users of the item in slot)). */
        float inverseSqrtUsers(int slot);
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

                public long version() {
                    return version;
                }

                public int neighbourSlot(int slot, int k) {
                    int cached = neighbourSlots[slot][k];
                    // Only a removal can free a slot for another item; until one happens the cache holds.
                    if (cached >= 0 && resolvedAtRemoval[slot] == removals) {
                        return cached;
                    }
                    Integer found = slotOf.get(entries[slot].neighbourIds()[k]);
                    return found == null ? -1 : found;
                }

                public float inverseSqrtUsers(int slot) {
                    return inverseSqrtUsers[slot];
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
            neighbourSlots = Arrays.copyOf(neighbourSlots, capacity);
            resolvedAtRemoval = Arrays.copyOf(resolvedAtRemoval, capacity);
            inverseSqrtUsers = Arrays.copyOf(inverseSqrtUsers, capacity);
            copiedNeighbours = Arrays.copyOf(copiedNeighbours, capacity);
            copiedNeighboursVersion = Arrays.copyOf(copiedNeighboursVersion, capacity);
            contentOf = Arrays.copyOf(contentOf, capacity);
            matrix = Arrays.copyOf(matrix, capacity * dimensions);
        }
    }

    private void addContent(Entry entry, int slot, float sign) {
        if (entry == null) {
            return;
        }
        List<String> keys = contentKeys(entry.categories(), entry.tags());
        ContentSum[] sums = new ContentSum[keys.size()];
        for (int k = 0; k < sums.length; k++) {
            String key = keys.get(k);
            ContentSum sum = sums[k] = contentSums.computeIfAbsent(key, x -> new ContentSum(dimensions));
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += sign * matrix[slot * dimensions + i];
            }
            sum.count += (int) sign;
            if (sum.count == 0) {
                contentSums.remove(key);
            }
        }
        // While the slot counts in them (count > 0), its sums stay in the map and can be cached.
        contentOf[slot] = sign > 0 ? sums : null;
    }

    /**
     * Neighbours keep their positions between updates (a count grows in place, a newcomer takes
     * the weakest's place), so only changed positions need a lookup.
     */
    private int[] resolveNeighbours(Entry old, int[] oldSlots, Entry entry) {
        String[] ids = entry.neighbourIds();
        int[] slots = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            if (old != null && oldSlots != null && k < old.neighbourIds().length && old.neighbourIds()[k] == ids[k]
                    && oldSlots[k] >= 0) {
                slots[k] = oldSlots[k];
            } else {
                Integer slot = slotOf.get(ids[k]);
                slots[k] = slot == null ? -1 : slot;
            }
        }
        return slots;
    }

    private void addContentChange(int slot, float[] vector) {
        ContentSum[] sums = contentOf[slot];
        if (sums == null) {
            return;
        }
        for (ContentSum sum : sums) {
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += vector[i] - matrix[slot * dimensions + i];
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
