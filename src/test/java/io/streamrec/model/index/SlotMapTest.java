package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotMapTest {
    @Test
    void agreesWithAHashMapThroughInsertsRemovalsAndGrowth() {
        SlotMap slots = new SlotMap();
        Map<String, Integer> expected = new HashMap<>();
        ArrayDeque<Integer> free = new ArrayDeque<>();
        int next = 0;
        Random random = new Random(7);
        for (int step = 0; step < 20_000; step++) {
            // Few distinct ids, so removals often cut the middle of a probe run.
            String id = "item-" + random.nextInt(3_000);
            if (expected.containsKey(id) && random.nextInt(3) == 0) {
                int slot = expected.remove(id);
                assertThat(slots.remove(new String(id))).isEqualTo(slot);
                free.push(slot);
            } else if (!expected.containsKey(id)) {
                int slot = free.isEmpty() ? next++ : free.pop();
                slots.put(id, slot);
                expected.put(id, slot);
            }
        }
        assertThat(slots.size()).isEqualTo(expected.size());
        for (int i = 0; i < 3_000; i++) {
            String id = "item-" + i;
            int slot = slots.get(id);
            assertThat(slot).isEqualTo(expected.getOrDefault(id, -1));
            if (slot >= 0) {
                assertThat(slots.id(slot)).isEqualTo(id);
            }
        }
        assertThat(slots.remove("absent")).isEqualTo(-1);
    }
}
