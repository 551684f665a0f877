package io.streamrec.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The layout finds what decoding the list finds, without decoding it. */
class StoredListLayoutTest {
    private static final String[] AWKWARD = {"é", "日本", "\uD83D\uDE00", "a\u0000b", "", "item-1x"};

    @Test
    void anItemsRankIsItsPositionInTheDecodedList() {
        Random random = new Random(7);
        StoredListLayout layout = new StoredListLayout();
        for (int round = 0; round < 200; round++) {
            List<RecommendedItem> items = new ArrayList<>();
            int size = random.nextInt(60);
            for (int i = 0; i < size; i++) {
                String id = random.nextInt(5) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)] + i : "item-" + i;
                items.add(new RecommendedItem(id, random.nextGaussian(), "because of " + random.nextInt(1000),
                        random.nextBoolean() ? "covisitation" : "embedding"));
            }
            StoredList stored = StoredList.of(new Recommendations("user-" + round, items, random.nextBoolean(),
                    "v", Instant.ofEpochMilli(round), Instant.ofEpochMilli(round), 1, 2L, 3L));
            layout.read(stored.bytes());
            assertThat(layout.size()).isEqualTo(size);
            List<RecommendedItem> decoded = stored.decode().getItems();
            for (int i = 0; i < decoded.size(); i++) {
                String id = decoded.get(i).getItem();
                assertThat(layout.rankOf(id)).as(id).isEqualTo(decoded.stream().map(RecommendedItem::getItem)
                        .toList().indexOf(id) + 1);
            }
            assertThat(layout.rankOf("item-" + size)).as("absent").isZero();
            assertThat(layout.rankOf("item-")).as("a prefix of every plain id").isZero();
        }
    }

    @Test
    void bytesThatAreNoStoredListAreRefused() {
        assertThatThrownBy(() -> new StoredListLayout().read(new byte[] {1, 2, 3}))
                .hasMessageContaining("not a Recommendations record");
    }
}
