package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.avro.ItemDelta;
import io.streamrec.model.ItemRecord;
import io.streamrec.model.ItemSide;
import io.streamrec.model.ModelParams;
import io.streamrec.stores.VectorBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The item side sums pending deltas before applying them: the sum must act like the deltas one by one. */
class CombinedDeltasTest {
    private final ModelParams params = ModelParams.defaults();
    private final ItemSide itemSide = new ItemSide(params);
    private final long halfLife = params.popularityHalfLifeMs();

    @Test
    void combinedDeltasChangeTheItemAsTheDeltasOneByOne() {
        long t = 1_700_000_000_000L;
        List<ItemDelta> deltas = List.of(
                delta(new float[] {0.1f, -0.2f}, 1, 2.0, t, Map.of("a", 1f)),
                delta(new float[] {0.05f, 0.05f}, 0, 0.0, t + 10, Map.of()),       // a negative sample
                delta(null, 0, 0.0, t + 20, Map.of("b", 0.9f)),                  // a co-visitation pair
                delta(new float[] {-0.3f, 0.1f}, 1, 5.0, t - halfLife, Map.of("a", 0.5f)), // late event
                delta(new float[] {0.2f, 0.2f}, 0, 1.0, t + halfLife, Map.of("c", 1f)));

        ItemRecord oneByOne = start();
        for (ItemDelta delta : deltas) {
            oneByOne = itemSide.apply(oneByOne, ModelCodec.update("i", delta));
        }
        ItemDelta sum = deltas.get(0);
        for (ItemDelta delta : deltas.subList(1, deltas.size())) {
            sum = ModelCodec.combine(sum, delta, halfLife);
        }
        ItemRecord combined = itemSide.apply(start(), ModelCodec.update("i", sum));

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

    private static ItemDelta delta(float[] gradient, int newUsers, double popularity, long time,
                                   Map<String, Float> coVisits) {
        return ItemDelta.newBuilder().setGradient(VectorBytes.pack(gradient)).setNewUsers(newUsers)
                .setPopularity(popularity).setEventTimestamp(time)
                .setCoVisits(coVisits.entrySet().stream()
                        .map(e -> new io.streamrec.avro.Neighbour(e.getKey(), e.getValue())).toList())
                .build();
    }
}
