package io.streamrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemIndexTest {
    private final ItemIndex index = new ItemIndex(2);

    private ItemRecord item(String id, float x, float y, String category) {
        ItemRecord record = new ItemRecord(id, new float[] {x, y}, 4);
        record.categories = List.of(category);
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
    void noiseIsDeterministicPerId() {
        assertThat(ItemIndex.noise("x", 4, 0.1f)).containsExactly(ItemIndex.noise("x", 4, 0.1f));
        assertThat(ItemIndex.noise("x", 4, 0.1f)).isNotEqualTo(ItemIndex.noise("y", 4, 0.1f));
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        assertThatThrownBy(() -> index.upsert(new ItemRecord("z", new float[3], 1)))
                .hasMessageContaining("3 dimensions");
    }
}
