package io.streamrec.model.index;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Every item's vector and scoring metadata, in one row-major matrix (kept in blocks of rows, see
 * {@link BlockMatrix}) so a user can be scored against all items in one pass. Each instance holds
 * a full copy, fed from the item side. Items live in slots ({@link ItemSlots}, with each slot's
 * entry and flat scoring columns); kept by slot beside the matrix are the neighbour rows
 * ({@link NeighbourTable}), the content-start sums ({@link ContentSums}) and the content vectors
 * ({@link ContentVectors}). This class takes the lock and keeps the parts in step.
 *
 * <p>One writer (the item feed) and many readers (learners, refreshes, HTTP) share it. What must
 * hold: every write ({@link #upsert}, {@link #remove}) changes all the parts under the write lock,
 * and every read takes the read lock, so a reader never sees a half-grown matrix or parts out of
 * step; a {@link Snapshot} is valid only inside its {@link #read} pass. The parts are not
 * thread-safe and rely on this lock.
 */
public final class ItemIndex {
    private final int dimensions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ItemSlots slots = new ItemSlots();
    private final BlockMatrix matrix;
    private final NeighbourTable neighbours = new NeighbourTable(slots.ids());
    private final ContentSums contentSums;
    /** Content vectors (TF-IDF of categories, tags, title words) by slot, kept in step with the metadata. */
    private final ContentVectors content = new ContentVectors();
    private final Snapshot snapshot;

    /**
     * Everything but the vector: the catalogue's metadata and the learned counts, which never
     * change. The neighbours of an entry from a {@link Snapshot} are read from the index's row
     * when asked, so they are current during that pass only; {@link #entry(String)} returns a
     * detached copy that readers may keep.
     */
    public static final class Entry {
        private final String id;
        private final ItemMetadata metadata;
        private final long distinctUsers;
        private final double popularity;
        private final long popularityTimestamp;
        /**
         * The neighbours: the index's live row for an entry inside the index, else a row of the
         * entry's own (one field for both, as the index holds an entry per item).
         */
        private final NeighbourRow row;

        /** An entry outside any index, with neighbours of its own. */
        public Entry(String id, ItemMetadata metadata, long distinctUsers, double popularity,
                     long popularityTimestamp, String[] neighbourIds, float[] neighbourWeights) {
            this(id, metadata, distinctUsers, popularity, popularityTimestamp,
                    NeighbourRow.detached(neighbourIds, neighbourWeights));
        }

        private Entry(String id, ItemMetadata metadata, long distinctUsers, double popularity,
                      long popularityTimestamp, NeighbourRow row) {
            this.id = id;
            this.metadata = metadata;
            this.distinctUsers = distinctUsers;
            this.popularity = popularity;
            this.popularityTimestamp = popularityTimestamp;
            this.row = row;
        }

        public String id() {
            return id;
        }

        /** What the catalogue says about the item; {@link ItemMetadata#NONE} when it has not described it. */
        public ItemMetadata metadata() {
            return metadata;
        }

        public long distinctUsers() {
            return distinctUsers;
        }

        public double popularity() {
            return popularity;
        }

        public long popularityTimestamp() {
            return popularityTimestamp;
        }

        /** The neighbour ids in space-saving positions (not sorted); a copy. */
        public String[] neighbourIds() {
            if (row.owner != null) {
                return row.owner.neighbourIds(row);
            }
            return row.size == 0 ? new String[0] : Arrays.copyOf(row.pendingIds, row.size);
        }

        public float[] neighbourWeights() {
            return Arrays.copyOf(row.weights, row.size);
        }

        Entry detached() {
            return row.owner == null ? this : new Entry(id, metadata, distinctUsers, popularity,
                    popularityTimestamp, neighbourIds(), neighbourWeights());
        }

        @Override
        public String toString() {
            return "Entry[id=" + id + ", " + metadata + ", distinctUsers=" + distinctUsers
                    + ", popularity=" + popularity + ", neighbours=" + Arrays.toString(neighbourIds()) + "]";
        }
    }

    public ItemIndex(int dimensions) {
        this.dimensions = dimensions;
        this.matrix = new BlockMatrix(dimensions);
        this.contentSums = new ContentSums(matrix, dimensions);
        this.snapshot = new IndexSnapshot(slots, matrix, neighbours);
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
            int slot = slots.slot(record.id);
            Entry old = null;
            if (slot < 0) {
                slot = slots.add(neighbours.claim(record.id));
                ensureCapacity();
            } else {
                old = slots.entry(slot);
            }
            neighbours.update(slot, old != null, record.neighbours);
            neighbours.sweepIfDue(slots.count());
            // The index's own id String, not the record's: a record decoded per message brings a
            // fresh copy. The metadata is immutable, so the entry shares the record's.
            ItemMetadata metadata = record.metadata;
            Entry entry = new Entry(slots.id(slot), metadata, record.distinctUsers, record.popularity,
                    record.popularityTimestamp, neighbours.row(slot));
            setRow(slot, old == null ? null : old.metadata(), record.vector, metadata);
            slots.set(slot, entry);
            if (old == null || !old.metadata().sameContent(metadata)) {
                content.put(slot, metadata.title(), metadata.categories(), metadata.tags());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(String id) {
        lock.writeLock().lock();
        try {
            int slot = slots.slot(id);
            if (slot >= 0) {
                neighbours.freed(slot, slots.id(slot));
                contentSums.leave(slot, slots.entry(slot).metadata());
                content.remove(slot);
                slots.free(slot, id);
                matrix.clear(slot);
                neighbours.sweepIfDue(slots.count());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many items have been removed so far: a change tells readers to drop lists naming them. */
    public int removals() {
        lock.readLock().lock();
        try {
            return neighbours.removals();
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(String id) {
        lock.readLock().lock();
        try {
            return slots.slot(id) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The item's current vector (a copy), or null when the index does not know it. */
    public float[] vector(String id) {
        lock.readLock().lock();
        try {
            int slot = slots.slot(id);
            return slot < 0 ? null : matrix.copy(slot);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Entry entry(String id) {
        lock.readLock().lock();
        try {
            int slot = slots.slot(id);
            return slot < 0 ? null : slots.entry(slot).detached();
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
            contentSums.addMean(categories, tags, vector);
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
                    slot -> slots.entry(slot) != null && slots.entry(slot).distinctUsers() > 0);
            if (nearest.slots().length == 0) {
                return initialVector(id, categories, tags, noiseStd);
            }
            float[] vector = noise(id, dimensions, noiseStd);
            matrix.addWeightedMean(nearest.slots(), nearest.similarity(), vector);
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

        /** Null for a free slot. Its neighbours are current during this pass only. */
        Entry entry(int slot);

        int slot(String id);

        float dot(float[] user, int slot);

        /**
         * {@code out[k] = dot(user, slots[k])} for k below count, each bit-identical to
         * {@link #dot}: four rows are summed side by side, each in its own order, so the adds of
         * different rows overlap instead of waiting on one another.
         */
        void dots(float[] user, int[] slots, int count, float[] out);

        /** {@code out[r] = dot(vectors[r], slot)} for every non-null vector, bit-identical to {@link #dot}. */
        void dots(float[][] vectors, int slot, float[] out);

        float[] vector(int slot);

        /** Count of writes so far; equal versions mean identical contents. */
        long version();

        /** The slot of the k-th neighbour of the item in {@code slot}, or -1 when the index lacks it. */
        int neighbourSlot(int slot, int k);

        /** How many neighbours the item in {@code slot} has. */
        int neighbourCount(int slot);

        /**
         * The weights of the item's neighbours, valid up to {@link #neighbourCount}, in its
         * entry's order. Shared with the index for this pass: read it, never write it.
         */
        float[] neighbourWeights(int slot);

        /**
         * The slots of the item's neighbours, valid up to {@link #neighbourCount}, in its entry's
         * order, -1 where the index lacks one. Shared with the index: read it, never write it.
         */
        int[] neighbourSlots(int slot);

        /** 1 / sqrt(max(1, distinct users of the item in slot)). */
        float inverseSqrtUsers(int slot);

        /** The entry's popularity, read from a flat array (no entry to fetch). */
        double popularity(int slot);

        long popularityTimestamp(int slot);

        /** Whether the slot holds an available item (false for a free slot). */
        boolean available(int slot);

        /** Count of removals so far: slots resolved since the same count still name the same items. */
        int removals();
    }

    /** Runs {@code pass} with a consistent view of the whole index: the read lock is held throughout. */
    public <T> T read(Function<Snapshot, T> pass) {
        lock.readLock().lock();
        try {
            return pass.apply(snapshot);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A uniformly random item id among those matching {@code accept}, or null; for negative sampling. */
    public String randomItem(Random random, IntPredicate accept) {
        lock.readLock().lock();
        try {
            int slot = randomSlot(random, accept);
            return slot < 0 ? null : slots.entry(slot).id();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Like {@link #randomItem(Random, IntPredicate)} for any item, also copying its vector into
     * {@code vectorOut}: a negative sample then costs one lock and no id lookup.
     */
    public String randomItem(Random random, float[] vectorOut) {
        lock.readLock().lock();
        try {
            int slot = randomSlot(random, s -> true);
            if (slot < 0) {
                return null;
            }
            matrix.copy(slot, vectorOut);
            return slots.entry(slot).id();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to 8 uniform draws for an occupied slot matching {@code accept}; -1 when none hit. Under the lock. */
    private int randomSlot(Random random, IntPredicate accept) {
        if (slots.size() == 0) {
            return -1;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            int slot = random.nextInt(slots.count());
            if (slots.entry(slot) != null && accept.test(slot)) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Sets the slot's matrix row, keeping the content-start sums in step: when the content keys
     * stayed (the common case of an event), the sums move by the row's change, if any (a
     * co-visitation pair or a popularity update leaves it alone); otherwise the row leaves the
     * old keys' sums and enters the new ones'.
     */
    private void setRow(int slot, ItemMetadata old, float[] vector, ItemMetadata metadata) {
        if (old != null && old.sameContentKeys(metadata)) {
            if (!matrix.rowEquals(slot, vector)) {
                contentSums.moveRow(slot, vector);
                matrix.set(slot, vector);
            }
        } else {
            contentSums.leave(slot, old);
            matrix.set(slot, vector);
            contentSums.enter(slot, metadata);
        }
    }

    /** Grows the parts kept by slot to the slots' capacity. */
    private void ensureCapacity() {
        matrix.ensureRows(slots.count());
        neighbours.ensureCapacity(slots.capacity());
        contentSums.ensureCapacity(slots.capacity());
    }
}
