package io.streamrec.model.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.ranking.Recommender;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A history kept by slot must exclude exactly what the id set would, whatever the index did since. */
class SeenItemsTest {
    private final ModelParams params = ModelParams.defaults();
    private final ItemIndex index = new ItemIndex(params.dimensions());
    private final Recommender recommender = new Recommender(params, index);

    private void put(String id, double popularity) {
        ItemRecord record = new ItemRecord(id, new float[params.dimensions()], params.neighbours());
        record.popularity = popularity;
        index.upsert(record);
    }

    private List<String> trendingExcluding(SeenItems seen) {
        return recommender.recommend(UserProfile.empty(), seen, Set.of(), e -> true, 10, 0).stream()
                .map(ScoredItem::item).toList();
    }

    @Test
    void excludesTheHistoryIncludingItemsTheIndexLearnsLater() {
        put("a", 3);
        put("b", 2);
        SeenItems seen = new SeenItems();
        assertThat(seen.add("a")).isTrue();
        assertThat(seen.add("a")).as("already there").isFalse();
        seen.add("later");
        assertThat(trendingExcluding(seen)).containsExactly("b");

        put("later", 5);
        assertThat(trendingExcluding(seen)).as("an id unknown at first is resolved once known")
                .containsExactly("b");
        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.contains("later")).isTrue();
    }

    @Test
    void aRemovalThatHandsTheSlotToAnotherItemIsNotMistakenForTheHistory() {
        put("a", 3);
        put("b", 2);
        SeenItems seen = new SeenItems();
        seen.add("a");
        assertThat(trendingExcluding(seen)).containsExactly("b");

        index.remove("a");
        put("c", 4);
        assertThat(trendingExcluding(seen)).as("c took a's slot").containsExactly("c", "b");
        put("a", 9);
        assertThat(trendingExcluding(seen)).containsExactly("c", "b");
    }
}
