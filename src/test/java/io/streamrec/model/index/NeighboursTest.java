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

    @Test
    void aListRebuiltByAppendingKeepsItsOrderAndLearnsOnAsTheOriginal() {
        Neighbours original = new Neighbours(3);
        original.add("a", 2);
        original.add("b", 5);
        original.add("c", 1);
        Neighbours rebuilt = new Neighbours(3);
        for (int i = 0; i < original.size(); i++) {
            rebuilt.append(original.id(i), original.weight(i));
        }
        assertThat(rebuilt.idsCopy()).containsExactly("a", "b", "c");
        assertThat(rebuilt.weightsCopy()).containsExactly(2f, 5f, 1f);
        for (Neighbours list : new Neighbours[] {original, rebuilt}) {
            list.add(new String("b"), 1);
            list.add("d", 1);
        }
        assertThat(rebuilt.idsCopy()).containsExactly(original.idsCopy()).containsExactly("a", "b", "d");
        assertThat(rebuilt.weightsCopy()).containsExactly(original.weightsCopy()).containsExactly(2f, 6f, 2f);
    }

    @Test
    void appendingPastTheCapacityEvictsTheWeakestAsAddingDoes() {
        Neighbours neighbours = new Neighbours(2);
        neighbours.append("a", 3);
        neighbours.append("b", 1);
        neighbours.append("c", 1);
        assertThat(neighbours.idsCopy()).containsExactly("a", "c");
        assertThat(neighbours.weightsCopy()).containsExactly(3f, 2f);
    }
}
