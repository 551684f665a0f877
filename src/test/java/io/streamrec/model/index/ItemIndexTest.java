package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemIndexTest {
    private final ItemIndex index = new ItemIndex(2);

    private ItemRecord item(String id, float x, float y, String category) {
        ItemRecord record = new ItemRecord(id, new float[] {x, y}, 4);
        record.metadata = ItemMetadata.of(null, List.of(category), List.of(), true);
        return record;
    }

    @Test
    void upsertCopiesAndRemoveFreesTheSlot() {
        ItemRecord a = item("a", 1, 0, "books");
        index.upsert(a);
        a.vector[0] = 99;
        assertThat(index.vector("a")).containsExactly(1f, 0f);
        index.remove("a");
        assertThat(index.contains("a")).isFalse();
        index.upsert(item("b", 0, 1, "books"));
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.read(ItemIndex.Snapshot::slotCount)).as("freed slot reused").isEqualTo(1);
    }

    @Test
    void newItemsStartFromTheMeanOfTheirCategory() {
        index.upsert(item("a", 1, 1, "books"));
        index.upsert(item("b", 3, 3, "books"));
        index.upsert(item("c", -5, -5, "music"));
        float[] start = index.initialVector("new", List.of("books"), List.of(), 1e-6f);
        assertThat(start[0]).isCloseTo(2f, org.assertj.core.api.Assertions.within(1e-3f));
        assertThat(start[1]).isCloseTo(2f, org.assertj.core.api.Assertions.within(1e-3f));
        index.remove("b");
        assertThat(index.initialVector("new", List.of("books"), List.of(), 1e-6f)[0])
                .isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-3f));
    }

    @Test
    void aRecategorisedItemMovesBetweenTheContentStartSumsAndItsEntryShowsTheNewMetadata() {
        index.upsert(item("a", 1, 1, "books"));
        ItemRecord b = item("b", 3, 3, "books");
        index.upsert(b);
        b.metadata = ItemMetadata.of("B", List.of("music"), List.of(), true);
        index.upsert(b);
        assertThat(index.initialVector("new", List.of("books"), List.of(), 1e-6f)[0]).isCloseTo(1f, within(1e-3f));
        assertThat(index.initialVector("new", List.of("music"), List.of(), 1e-6f)[0]).isCloseTo(3f, within(1e-3f));
        assertThat(index.entry("b").metadata()).isSameAs(b.metadata);

        b.vector = new float[] {5, 5};
        index.upsert(b);
        assertThat(index.initialVector("new", List.of("music"), List.of(), 1e-6f)[0])
                .as("the same keys follow the vector's change").isCloseTo(5f, within(1e-3f));
        assertThat(index.initialVector("new", List.of("books", "music"), List.of(), 1e-6f)[0])
                .as("the mean of the keys' means").isCloseTo(3f, within(1e-3f));
    }

    @Test
    void noiseIsDeterministicPerId() {
        assertThat(ItemIndex.noise("x", 4, 0.1f)).containsExactly(ItemIndex.noise("x", 4, 0.1f));
        assertThat(ItemIndex.noise("x", 4, 0.1f)).isNotEqualTo(ItemIndex.noise("y", 4, 0.1f));
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        assertThatThrownBy(() -> index.upsert(new ItemRecord("z", new float[3], 1)))
                .hasMessageContaining("3 dimensions");
    }

    @Test
    void neighbourRowsFollowTheRecordInPlaceAndDetachedEntriesKeepTheirCopy() {
        index.upsert(item("x", 0, 0, "books"));
        index.upsert(item("y", 0, 0, "books"));
        ItemRecord a = item("a", 1, 0, "books");
        for (String n : List.of("n1", "n2", "n3", "n4")) {
            a.neighbours.add(n, 1f);
        }
        index.upsert(a);
        ItemIndex.Entry before = index.entry("a");

        a.neighbours.add("n2", 2f);
        a.neighbours.add("x", 1f);   // full (capacity 4): replaces the weakest, n1, in its position
        index.upsert(a);

        assertThat(before.neighbourIds()).as("a detached copy").containsExactly("n1", "n2", "n3", "n4");
        assertThat(index.entry("a").neighbourIds()).containsExactly("x", "n2", "n3", "n4");
        assertThat(index.entry("a").neighbourWeights()).containsExactly(2f, 3f, 1f, 1f);
        index.read(snapshot -> {
            int slot = snapshot.slot("a");
            assertThat(snapshot.neighbourCount(slot)).isEqualTo(4);
            int[] slots = snapshot.neighbourSlots(slot);
            assertThat(slots[0]).as("the newcomer resolved").isEqualTo(snapshot.slot("x"));
            assertThat(slots[1]).as("unknown to the index").isEqualTo(-1);
            return null;
        });

        index.upsert(item("n2", 0, 0, "books"));
        index.upsert(a);
        index.read(snapshot -> {
            assertThat(snapshot.neighbourSlots(snapshot.slot("a"))[1]).as("resolved once known")
                    .isEqualTo(snapshot.slot("n2"));
            return null;
        });
    }

    @Test
    void batchedDotsAreBitIdenticalToOneAtATime() {
        ItemIndex wide = new ItemIndex(13);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 9; i++) {
            float[] v = new float[13];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            ItemRecord record = new ItemRecord("i" + i, v, 4);
            wide.upsert(record);
        }
        float[] user = ItemIndex.noise("u", 13, 1f);
        float[][] vectors = {user, null, ItemIndex.noise("v", 13, 1f), user, user, ItemIndex.noise("w", 13, 1f)};
        wide.read(snapshot -> {
            int[] slots = {8, 0, 3, 3, 5, 1, 7};
            float[] out = new float[slots.length];
            snapshot.dots(user, slots, slots.length, out);
            for (int k = 0; k < slots.length; k++) {
                assertThat(out[k]).isEqualTo(snapshot.dot(user, slots[k]));
            }
            float[] perVector = new float[vectors.length];
            snapshot.dots(vectors, 4, perVector);
            for (int r = 0; r < vectors.length; r++) {
                assertThat(perVector[r]).isEqualTo(vectors[r] == null ? 0f : snapshot.dot(vectors[r], 4));
            }
            return null;
        });
    }

    @Test
    void neighbourRowsStayEqualToTheRecordThroughAddsRemovalsAndLongGaps() {
        java.util.Random random = new java.util.Random(3);
        ItemRecord a = new ItemRecord("a", new float[] {1, 0}, 8);
        index.upsert(a);
        for (int step = 0; step < 300; step++) {
            int changes = random.nextInt(3) == 0 ? 1 + random.nextInt(2 * Neighbours.CHANGE_LOG) : 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                String id = "n" + random.nextInt(14);
                if (random.nextInt(6) == 0) {
                    a.neighbours.remove(id);
                } else {
                    a.neighbours.add(id, random.nextInt(3) + 0.5f);
                }
            }
            if (random.nextInt(4) == 0) {
                String other = "n" + random.nextInt(14);
                if (index.contains(other)) {
                    index.remove(other);
                } else {
                    index.upsert(new ItemRecord(other, new float[] {0, 1}, 8));
                }
            }
            index.upsert(a);
            assertThat(index.entry("a").neighbourIds()).containsExactly(a.neighbours.idsCopy());
            assertThat(index.entry("a").neighbourWeights()).containsExactly(a.neighbours.weightsCopy());
            index.read(snapshot -> {
                int slot = snapshot.slot("a");
                int[] slots = snapshot.neighbourSlots(slot);
                for (int k = 0; k < snapshot.neighbourCount(slot); k++) {
                    assertThat(slots[k]).isEqualTo(snapshot.slot(a.neighbours.id(k)));
                    assertThat(snapshot.neighbourWeights(slot)[k]).isEqualTo(a.neighbours.weight(k));
                }
                return null;
            });
        }
    }

    @Test
    void neighboursOfRowsLeftAloneStayRightThroughThousandsOfRemovalsAndReturns() {
        // Rows keep slots, not ids: a neighbour removed, its slot reused and the neighbour back
        // elsewhere must still be named and found, before and after the index sweeps its rows.
        Random random = new Random(11);
        Map<String, ItemRecord> present = new HashMap<>();
        for (int step = 0; step < 6_000; step++) {
            String id = "x" + random.nextInt(300);
            ItemRecord record = present.get(id);
            if (record != null && random.nextInt(3) > 0) {
                index.remove(new String(id));
                present.remove(id);
            } else if (record != null) {
                record.neighbours.add(new String("x" + random.nextInt(320)), 1f);
                index.upsert(record);
            } else {
                record = new ItemRecord(new String(id), new float[] {1, 0}, 8);
                for (int n = 0; n < 6; n++) {
                    // x300..x319 never arrive: those neighbours stay unknown.
                    record.neighbours.add(new String("x" + random.nextInt(320)), n + 1f);
                }
                index.upsert(record);
                present.put(id, record);
            }
            if (step % 250 == 0 || step > 5_950) {
                assertNeighboursMatch(present);
            }
        }
    }

    private void assertNeighboursMatch(Map<String, ItemRecord> present) {
        for (ItemRecord record : present.values()) {
            assertThat(index.entry(record.id).neighbourIds()).containsExactly(record.neighbours.idsCopy());
            index.read(snapshot -> {
                int slot = snapshot.slot(record.id);
                int[] slots = snapshot.neighbourSlots(slot);
                assertThat(snapshot.neighbourCount(slot)).isEqualTo(record.neighbours.size());
                for (int k = 0; k < record.neighbours.size(); k++) {
                    int expected = snapshot.slot(record.neighbours.id(k));
                    assertThat(snapshot.neighbourSlot(slot, k)).isEqualTo(expected);
                    assertThat(slots[k]).isEqualTo(expected);
                }
                return null;
            });
        }
    }
}
