package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NeighboursTest {
    @Test
    void accumulatesAndEvictsTheWeakestWhenFull() {
        Neighbours neighbours = new Neighbours(2);
        neighbours.add("a", 3);
        neighbours.add("b", 1);
        neighbours.add("a", 1);
        neighbours.add("c", 1);
        assertThat(neighbours.idsCopy()).containsExactlyInAnyOrder("a", "c");
        // Space-saving: the newcomer inherits the evicted count, so it can overtake later.
        assertThat(neighbours.weightsCopy()).containsExactlyInAnyOrder(4f, 2f);
        neighbours.remove("a");
        assertThat(neighbours.idsCopy()).containsExactly("c");
    }
}
