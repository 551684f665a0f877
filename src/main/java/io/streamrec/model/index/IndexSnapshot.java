package io.streamrec.model.index;

/**
 * The {@link ItemIndex}'s one {@link ItemIndex.Snapshot}: it reads the index's parts as they are
 * at each call, so it is consistent only while the index's read lock is held, which
 * {@link ItemIndex#read} does for the whole pass.
 */
final class IndexSnapshot implements ItemIndex.Snapshot {
    private final ItemSlots items;
    private final BlockMatrix matrix;
    private final NeighbourTable neighbours;

    IndexSnapshot(ItemSlots items, BlockMatrix matrix, NeighbourTable neighbours) {
        this.items = items;
        this.matrix = matrix;
        this.neighbours = neighbours;
    }

    public int slotCount() {
        return items.count();
    }

    public ItemIndex.Entry entry(int slot) {
        return items.entry(slot);
    }

    public int slot(String id) {
        return items.slot(id);
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
        return items.version();
    }

    public int neighbourSlot(int slot, int k) {
        return neighbours.neighbourSlot(slot, k);
    }

    public int neighbourCount(int slot) {
        return neighbours.count(slot);
    }

    public float[] neighbourWeights(int slot) {
        return neighbours.weights(slot);
    }

    public int[] neighbourSlots(int slot) {
        return neighbours.neighbourSlots(slot);
    }

    public float inverseSqrtUsers(int slot) {
        return items.inverseSqrtUsers(slot);
    }

    public double popularity(int slot) {
        return items.popularity(slot);
    }

    public long popularityTimestamp(int slot) {
        return items.popularityTimestamp(slot);
    }

    public boolean available(int slot) {
        return items.available(slot);
    }

    public int removals() {
        return neighbours.removals();
    }
}
