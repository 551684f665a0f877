package io.streamrec.model;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;

/**
 * Every item's vector and scoring metadata, in one row-major matrix (kept in blocks of rows, see
 * {@link BlockMatrix}) so a user can be scored against all items in one pass. Each instance holds
 * a full copy, fed from the item side.
 *
 * <p>One writer (the item feed) and many readers (learners, refreshes, HTTP) share it; a
 * read-write lock keeps a scoring pass from seeing a half-grown matrix.
 */
public final class ItemIndex {
    private final int dimensions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private static final ContentSum[] NO_CONTENT_SUMS = new ContentSum[0];
    private final SlotMap slotOf = new SlotMap();
    private final PendingIds pendingIds = new PendingIds();
    private final RemovalLog removalLog = new RemovalLog();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<String, ContentSum> contentSums = new HashMap<>();
    /** Content vectors (TF-IDF of categories, tags, title words) by slot, kept in step with the metadata. */
    private final ContentVectors content = new ContentVectors();
    private final BlockMatrix matrix;
    private Entry[] entries;
    /** Per slot, its neighbours as last copied, with their slots resolved, so scoring needs no id lookups. */
    private NeighbourRow[] neighbourRows;
    private int removals;
    /** Per slot, 1 / sqrt(max(1, distinct users)): the co-visitation cosine's norm, kept flat for scoring. */
    private float[] inverseSqrtUsers;
    /** Per slot, the entry's popularity, its timestamp and availability (false for a free slot), kept flat for scoring. */
    private double[] popularity;
    private long[] popularityTimestamp;
    private boolean[] available;
    /** Per slot, the content sums its categories and tags feed (null for none). */
    private ContentSum[][] contentOf;
    private int slotCount;
    /** Bumped by every write, so readers can tell how stale a derived view is. */
    private long version;

    /**
     * Everything but the vector. The scalar fields never change. The neighbours of an entry from
     * a {@link Snapshot} are read from the index's row when asked, so they are current during that
     * pass only; {@link #entry(String)} returns a detached copy that readers may keep.
     */
    public static final class Entry {
        private final String id;
        private final String title;
        private final List<String> categories;
        private final List<String> tags;
        private final boolean available;
        private final long distinctUsers;
        private final double popularity;
        private final long popularityTimestamp;
        /** Catalogue price, and the availability window's bounds (epoch ms); null when not given. */
        private final Double price;
        private final Long availableFrom;
        private final Long expires;
        /**
         * The neighbours: the index's live row for an entry inside the index, else a row of the
         * entry's own (one field for both, as the index holds an entry per item).
         */
        private final NeighbourRow row;

        public Entry(String id, String title, List<String> categories, List<String> tags, boolean available,
                     long distinctUsers, double popularity, long popularityTimestamp,
                     String[] neighbourIds, float[] neighbourWeights,
                     Double price, Long availableFrom, Long expires) {
            this(id, title, categories, tags, available, distinctUsers, popularity, popularityTimestamp,
                    price, availableFrom, expires, NeighbourRow.detached(neighbourIds, neighbourWeights));
        }

        private Entry(String id, String title, List<String> categories, List<String> tags, boolean available,
                      long distinctUsers, double popularity, long popularityTimestamp,
                      Double price, Long availableFrom, Long expires, NeighbourRow row) {
            this.id = id;
            this.title = title;
            this.categories = categories;
            this.tags = tags;
            this.available = available;
            this.distinctUsers = distinctUsers;
            this.popularity = popularity;
            this.popularityTimestamp = popularityTimestamp;
            this.price = price;
            this.availableFrom = availableFrom;
            this.expires = expires;
            this.row = row;
        }

        public String id() {
            return id;
        }

        public String title() {
            return title;
        }

        public List<String> categories() {
            return categories;
        }

        public List<String> tags() {
            return tags;
        }

        public boolean available() {
            return available;
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

        public Double price() {
            return price;
        }

        public Long availableFrom() {
            return availableFrom;
        }

        public Long expires() {
            return expires;
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
            return row.owner == null ? this : new Entry(id, title, categories, tags, available, distinctUsers,
                    popularity, popularityTimestamp, neighbourIds(), neighbourWeights(), price, availableFrom, expires);
        }

        @Override
        public String toString() {
            return "Entry[id=" + id + ", title=" + title + ", categories=" + categories + ", tags=" + tags
                    + ", available=" + available + ", distinctUsers=" + distinctUsers + ", popularity=" + popularity
                    + ", neighbours=" + Arrays.toString(neighbourIds()) + "]";
        }
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
        this.matrix = new BlockMatrix(dimensions);
        this.entries = new Entry[16];
        this.neighbourRows = new NeighbourRow[16];
        this.inverseSqrtUsers = new float[16];
        this.popularity = new double[16];
        this.popularityTimestamp = new long[16];
        this.available = new boolean[16];
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
            int slot = slotOf.get(record.id);
            Entry old = null;
            if (slot < 0) {
                slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
                ensureCapacity(slotCount);
                slotOf.put(pendingIds.claim(record.id), slot);
            } else {
                old = entries[slot];
            }
            updateNeighbours(slot, old != null, record.neighbours);
            sweepRowsIfDue();
            // The index's own id String, not the record's: a record decoded per message brings a fresh copy.
            Entry entry = new Entry(slotOf.id(slot), record.title, List.copyOf(record.categories),
                    List.copyOf(record.tags), record.available, record.distinctUsers, record.popularity,
                    record.popularityTimestamp, record.price, record.availableFrom, record.expires,
                    neighbourRows[slot]);
            if (old != null && sameContent(old, entry)) {
                // Same content keys, the common case of an event: move their sums by the vector's
                // change, if any (a co-visitation pair or a popularity update leaves it alone).
                if (!matrix.rowEquals(slot, record.vector)) {
                    addContentChange(slot, record.vector);
                    matrix.set(slot, record.vector);
                }
            } else {
                addContent(old, slot, -1f);
                matrix.set(slot, record.vector);
                addContent(entry, slot, 1f);
            }
            inverseSqrtUsers[slot] = (float) (1 / Math.sqrt(Math.max(1, entry.distinctUsers())));
            popularity[slot] = entry.popularity();
            popularityTimestamp[slot] = entry.popularityTimestamp();
            available[slot] = entry.available();
            entries[slot] = entry;
            if (old == null || !Objects.equals(old.title(), entry.title())
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
            int slot = slotOf.get(id);
            if (slot >= 0) {
                removalLog.freed(slot, slotOf.id(slot), removals + 1);
                slotOf.remove(id);
                addContent(entries[slot], slot, -1f);
                content.remove(slot);
                entries[slot] = null;
                available[slot] = false;
                neighbourRows[slot] = null;
                removals++;
                matrix.clear(slot);
                freeSlots.push(slot);
                version++;
                sweepRowsIfDue();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many items have been removed so far: a change tells readers to drop lists naming them. */
    public int removals() {
        lock.readLock().lock();
        try {
            return removals;
        } finally {
            lock.readLock().unlock();
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
            int slot = slotOf.get(id);
            return slot < 0 ? null : matrix.copy(slot);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Entry entry(String id) {
        lock.readLock().lock();
        try {
            int slot = slotOf.get(id);
            return slot < 0 ? null : entries[slot].detached();
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
                float[] block = matrix.block(slot);
                int offset = matrix.offset(slot);
                for (int d = 0; d < dimensions; d++) {
                    mean[d] += w * block[offset + d];
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
                    return slotOf.get(id);
                }

                public float dot(float[] user, int slot) {
                    return matrix.dot(user, slot);
                }

                public void dots(float[] user, int[] slots, int count, float[] out) {
                    matrix.dots(user, slots, count, out);
                }

                public void dots(float[][] vectors, int slot, float[] out) {
                    matrix.dots(vectors, slot, out);
                }

                public float[] vector(int slot) {
                    return matrix.copy(slot);
                }

                public long version() {
                    return version;
                }

                public int neighbourSlot(int slot, int k) {
                    return currentSlot(neighbourRows[slot], k);
                }

                public int neighbourCount(int slot) {
                    return neighbourRows[slot].size;
                }

                public float[] neighbourWeights(int slot) {
                    return neighbourRows[slot].weights;
                }

                public int[] neighbourSlots(int slot) {
                    NeighbourRow row = neighbourRows[slot];
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

                public float inverseSqrtUsers(int slot) {
                    return inverseSqrtUsers[slot];
                }

                public double popularity(int slot) {
                    return popularity[slot];
                }

                public long popularityTimestamp(int slot) {
                    return popularityTimestamp[slot];
                }

                public boolean available(int slot) {
                    return available[slot];
                }

                public int removals() {
                    return removals;
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
            int slot = randomSlot(random, accept);
            return slot < 0 ? null : entries[slot].id();
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
            return entries[slot].id();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to 8 uniform draws for an occupied slot matching {@code accept}; -1 when none hit. Under the lock. */
    private int randomSlot(Random random, IntPredicate accept) {
        if (slotOf.size() == 0) {
            return -1;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            int slot = random.nextInt(slotCount);
            if (entries[slot] != null && accept.test(slot)) {
                return slot;
            }
        }
        return -1;
    }

    private int slot(String id) {
        lock.readLock().lock();
        try {
            return slotOf.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureCapacity(int slots) {
        matrix.ensureRows(slots);
        if (slots > entries.length) {
            int capacity = Math.max(slots, entries.length * 2);
            entries = Arrays.copyOf(entries, capacity);
            neighbourRows = Arrays.copyOf(neighbourRows, capacity);
            inverseSqrtUsers = Arrays.copyOf(inverseSqrtUsers, capacity);
            popularity = Arrays.copyOf(popularity, capacity);
            popularityTimestamp = Arrays.copyOf(popularityTimestamp, capacity);
            available = Arrays.copyOf(available, capacity);
            contentOf = Arrays.copyOf(contentOf, capacity);
            removalLog.ensureSlots(capacity);
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
            float[] block = matrix.block(slot);
            int offset = matrix.offset(slot);
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += sign * block[offset + i];
            }
            sum.count += (int) sign;
            if (sum.count == 0) {
                contentSums.remove(key);
            }
        }
        // While the slot counts in them (count > 0), its sums stay in the map and can be cached.
        contentOf[slot] = sign > 0 ? (sums.length == 0 ? NO_CONTENT_SUMS : sums) : null;
    }

    /**
     * Brings the slot's row in step with the record's neighbours. Most updates (negative samples,
     * gradients) leave them alone, so the row is kept; a few changes since the last copy are
     * caught up position by position; otherwise the row is copied afresh.
     */
    private void updateNeighbours(int slot, boolean known, Neighbours neighbours) {
        NeighbourRow row = known ? neighbourRows[slot] : null;
        if (neighbours.size() == 0) {
            neighbourRows[slot] = NeighbourRow.EMPTY;
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
                catchUpNeighbours(row, neighbours, row.sourceVersion);
            } else {
                copyNeighbours(slot, neighbours, resolved ? row : null);
            }
            row = neighbourRows[slot];
        }
        if (row == null) {
            copyNeighbours(slot, neighbours, null);
            row = neighbourRows[slot];
        }
        row.resolvedAtRemoval = removals;
        row.sourceSerial = neighbours.serial();
        row.sourceVersion = neighbours.version();
    }

    /**
     * Copies the record's neighbours into the slot's row. Neighbours keep their positions between
     * updates (a count grows in place, a newcomer takes the weakest's place), so into a
     * {@code reused} row only positions whose id changed (or was unknown) need a lookup.
     */
    private void copyNeighbours(int slot, Neighbours neighbours, NeighbourRow reused) {
        NeighbourRow row = reused != null ? reused : (neighbourRows[slot] = new NeighbourRow(this));
        int size = neighbours.size();
        row.ensureCapacity(size, neighbours.capacity());
        for (int k = 0; k < size; k++) {
            copyNeighbour(row, k, neighbours);
        }
        truncate(row, size);
    }

    /** Applies only the positions the record's last changes touched (see {@link Neighbours#changedPosition}). */
    private void catchUpNeighbours(NeighbourRow row, Neighbours neighbours, long copiedVersion) {
        int size = neighbours.size();
        row.ensureCapacity(size, neighbours.capacity());
        for (long v = copiedVersion + 1; v <= neighbours.version(); v++) {
            int k = neighbours.changedPosition(v);
            if (k < size) {
                copyNeighbour(row, k, neighbours);
            }
        }
        truncate(row, size);
    }

    /**
     * Position k of the row takes the record's id and weight, looking the slot up only when the id
     * changed or was unknown. Called on rows resolved at the current removal count only.
     */
    private void copyNeighbour(NeighbourRow row, int k, Neighbours neighbours) {
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

    /** The slot the row's k-th neighbour is in now, or -1 when the index lacks it. Under either lock. */
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

    /** The id of the row's k-th neighbour. Under either lock. */
    private String neighbourId(NeighbourRow row, int k) {
        int slot = row.slots[k];
        if (slot < 0) {
            return row.pendingIds[k];
        }
        String removed = row.resolvedAtRemoval == removals ? null : removalLog.heldAt(slot, row.resolvedAtRemoval);
        return removed != null ? removed : slotOf.id(slot);
    }

    private String[] neighbourIds(NeighbourRow row) {
        String[] ids = new String[row.size];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = neighbourId(row, k);
        }
        return ids;
    }

    /**
     * Sweeps the rows once enough pending ids have arrived, the pending pool has doubled or enough
     * removals are logged: each sweep is proportional to the rows, and comes after a number of
     * these proportional to the slots, so it costs O(1) per write amortised.
     */
    private void sweepRowsIfDue() {
        int due = Math.max(1024, slotCount / 8);
        if (pendingIds.needsSweep(due) || removalLog.size() > due) {
            sweepRows();
        }
    }

    /**
     * Resolves every row at the current removal count (slots freed since traced through the log)
     * and every pending neighbour that has arrived; then the log and the pending ids no row names
     * any more are dropped. A row's answers are the same before and after.
     */
    private void sweepRows() {
        pendingIds.clear();
        for (int slot = 0; slot < slotCount; slot++) {
            NeighbourRow row = neighbourRows[slot];
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

    private static boolean sameContent(Entry a, Entry b) {
        return (a.categories() == b.categories() || a.categories().equals(b.categories()))
                && (a.tags() == b.tags() || a.tags().equals(b.tags()));
    }

    private void addContentChange(int slot, float[] vector) {
        ContentSum[] sums = contentOf[slot];
        if (sums == null) {
            return;
        }
        float[] block = matrix.block(slot);
        int offset = matrix.offset(slot);
        for (ContentSum sum : sums) {
            for (int i = 0; i < dimensions; i++) {
                sum.sum[i] += vector[i] - block[offset + i];
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
