package io.streamrec.model.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.model.ModelParams;
import io.streamrec.model.index.ItemRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Owed updates are summed per item before they are applied: the sum must act like the updates one by one. */
class OwedUpdatesTest {
    private final ModelParams params = ModelParams.defaults();
    private final ItemSide itemSide = new ItemSide(params);
    private final long halfLife = params.popularityHalfLifeMs();

    @Test
    void summedUpdatesChangeTheItemAsTheUpdatesOneByOne() {
        long t = 1_700_000_000_000L;
        List<ItemUpdate> updates = List.of(
                delta(new float[] {0.1f, -0.2f}, 1, 2.0, t, Map.of("a", 1f)),
                delta(new float[] {0.05f, 0.05f}, 0, 0.0, t + 10, Map.of()),       // a negative sample
                delta(null, 0, 0.0, t + 20, Map.of("b", 0.9f)),                  // a co-visitation pair
                delta(new float[] {-0.3f, 0.1f}, 1, 5.0, t - halfLife, Map.of("a", 0.5f)), // late event
                delta(new float[] {0.2f, 0.2f}, 0, 1.0, t + halfLife, Map.of("c", 1f)));

        ItemRecord oneByOne = start();
        for (ItemUpdate update : updates) {
            oneByOne = itemSide.apply(oneByOne, update);
        }
        OwedUpdates owed = new OwedUpdates(halfLife);
        owed.addAll(updates);
        List<ItemUpdate> sums = owed.drain();
        assertThat(sums).hasSize(1);
        assertThat(owed.isEmpty()).as("drained once").isTrue();
        ItemRecord combined = itemSide.apply(start(), sums.get(0));

        assertThat(combined.vector[0]).isCloseTo(oneByOne.vector[0], within(1e-6f));
        assertThat(combined.vector[1]).isCloseTo(oneByOne.vector[1], within(1e-6f));
        assertThat(combined.distinctUsers).isEqualTo(oneByOne.distinctUsers).isEqualTo(2);
        assertThat(combined.popularityTimestamp).isEqualTo(oneByOne.popularityTimestamp).isEqualTo(t + halfLife);
        assertThat(combined.popularity).isCloseTo(oneByOne.popularity, within(1e-9));
        assertThat(combined.popularity).isCloseTo(2.0 / 2 + 5.0 / 4 + 1.0, within(1e-6)); // halves per half-life
        for (String neighbour : List.of("a", "b", "c")) {
            assertThat(weight(combined, neighbour)).isCloseTo(weight(oneByOne, neighbour), within(1e-6f));
        }
        assertThat(weight(combined, "a")).isCloseTo(1.5f, within(1e-6f));
    }

    private ItemRecord start() {
        ItemRecord record = new ItemRecord("i", new float[] {1f, 1f}, params.neighbours());
        record.popularity = 0;
        record.popularityTimestamp = 0;
        return record;
    }

    private static float weight(ItemRecord record, String neighbour) {
        for (int i = 0; i < record.neighbours.size(); i++) {
            if (record.neighbours.id(i).equals(neighbour)) {
                return record.neighbours.weight(i);
            }
        }
        return 0f;
    }

    private static ItemUpdate delta(float[] gradient, int newUsers, double popularity, long time,
                                    Map<String, Float> coVisits) {
        return new ItemUpdate("i", gradient, newUsers, popularity, time, coVisits);
    }

    @Test
    void itemsAreDrainedInTheOrderTheyWereFirstOwedAndADiscardedOneIsOwedNothing() {
        OwedUpdates owed = new OwedUpdates(halfLife);
        owed.add(new ItemUpdate("b", new float[] {1f}, 1, 1.0, 5, Map.of()));
        owed.add(new ItemUpdate("gone", new float[] {1f}, 1, 1.0, 5, Map.of()));
        owed.add(new ItemUpdate("a", new float[] {1f}, 1, 1.0, 5, Map.of()));
        owed.add(new ItemUpdate("b", new float[] {2f}, 0, 0.0, 6, Map.of()));

        assertThat(owed.discard("gone")).isTrue();
        assertThat(owed.discard("never")).isFalse();

        List<ItemUpdate> sums = owed.drain();
        assertThat(sums).extracting(ItemUpdate::item).containsExactly("b", "a");
        assertThat(sums.get(0).gradient()).containsExactly(3f);
    }

    @Test
    void summingNeverWritesIntoTheUpdatesItWasGiven() {
        float[] gradient = {1f, 1f};
        OwedUpdates owed = new OwedUpdates(halfLife);
        owed.add(new ItemUpdate("i", gradient, 0, 0, 5, Map.of()));
        owed.add(new ItemUpdate("i", new float[] {1f, 1f}, 0, 0, 6, Map.of()));

        owed.drain();

        assertThat(gradient).containsExactly(1f, 1f);
    }

    @Test
    void coVisitsKeepTheOrderTheyWereFirstOwedSoAFullNeighbourListEvictsAlikeInEveryRun() {
        OwedUpdates owed = new OwedUpdates(halfLife);
        List<String> order = List.of("k", "c", "x", "a", "q", "m", "b", "z", "e", "t", "f", "h");
        for (String neighbour : order) {
            owed.add(new ItemUpdate("i", null, 0, 0, 5, Map.of(neighbour, 1f)));
        }

        assertThat(owed.drain().get(0).coVisits().keySet()).containsExactlyElementsOf(order);
    }
}
