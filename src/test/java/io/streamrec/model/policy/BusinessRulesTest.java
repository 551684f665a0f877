package io.streamrec.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.ranking.Recommender;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessRulesTest {
    private static ItemIndex.Entry item(String id, String category, Double price, Long from, Long expires) {
        return new ItemIndex.Entry(id, new ItemMetadata(id, List.of(category), List.of("tag-" + category), true,
                price, from, expires), 1, 1, 0, new String[0], new float[0]);
    }

    private static BusinessRules rules(Set<String> include, Set<String> exclude, Double min, Double max) {
        return new BusinessRules(include, exclude, Set.of(), Map.of(), min, max);
    }

    @Test
    void categoriesAreIncludedAndExcluded() {
        BusinessRules onlyBooks = rules(Set.of("books"), Set.of(), null, null);
        assertThat(onlyBooks.admits(item("a", "books", null, null, null), 0)).isTrue();
        assertThat(onlyBooks.admits(item("b", "music", null, null, null), 0)).isFalse();
        BusinessRules noMusic = rules(null, Set.of("music"), null, null);
        assertThat(noMusic.admits(item("b", "music", null, null, null), 0)).isFalse();
        assertThat(noMusic.admits(item("a", "books", null, null, null), 0)).isTrue();
    }

    @Test
    void priceRangeDropsPricedItemsOutsideItAndKeepsUnpricedOnes() {
        BusinessRules range = rules(null, Set.of(), 10.0, 20.0);
        assertThat(range.admits(item("a", "x", 9.99, null, null), 0)).isFalse();
        assertThat(range.admits(item("b", "x", 10.0, null, null), 0)).isTrue();
        assertThat(range.admits(item("c", "x", 20.01, null, null), 0)).isFalse();
        assertThat(range.admits(item("d", "x", null, null, null), 0)).isTrue();
        assertThatThrownBy(() -> rules(null, Set.of(), 30.0, 20.0)).hasMessageContaining("above maximum");
    }

    @Test
    void theAvailabilityWindowAlwaysApplies() {
        ItemIndex.Entry window = item("a", "x", null, 100L, 200L);
        assertThat(BusinessRules.none().admits(window, 99)).isFalse();
        assertThat(BusinessRules.none().admits(window, 100)).isTrue();
        assertThat(BusinessRules.none().admits(window, 199)).isTrue();
        assertThat(BusinessRules.none().admits(window, 200)).as("expired").isFalse();
    }

    /** The recommender's candidate pass applies the window, with or without other rules, as the item changes. */
    @Test
    void listsHonourTheWindowAsAnItemsWindowChanges() {
        ItemIndex index = new ItemIndex(2);
        Recommender recommender = new Recommender(ModelParams.defaults(), index);
        for (int i = 0; i < 5; i++) {
            ItemRecord record = new ItemRecord("plain-" + i, new float[] {1, 0}, 1);
            record.popularity = 1 + i;
            index.upsert(record);
        }
        ItemRecord expired = new ItemRecord("expired", new float[] {1, 0}, 1);
        expired.popularity = 100;
        expired.metadata = window(null, 500L);
        index.upsert(expired);
        long now = 1_000;
        assertThat(ids(recommender.trending(Set.of(), BusinessRules.none().filter(now), 10, now)))
                .hasSize(5).doesNotContain("expired");
        assertThat(ids(recommender.trending(Set.of(), rules(null, Set.of(), null, 50.0).filter(now), 10, now)))
                .as("with a price rule too").hasSize(5).doesNotContain("expired");

        expired.metadata = window(null, null);
        index.upsert(expired);
        assertThat(ids(recommender.trending(Set.of(), BusinessRules.none().filter(now), 10, now)))
                .as("renewed").startsWith("expired");

        expired.metadata = window(2_000L, null);
        index.upsert(expired);
        assertThat(ids(recommender.trending(Set.of(), BusinessRules.none().filter(now), 10, now)))
                .as("not on sale yet").hasSize(5).doesNotContain("expired");
        assertThat(ids(recommender.trending(Set.of(), BusinessRules.none().filter(2_000), 10, 2_000)))
                .as("on sale").startsWith("expired");
    }

    private static ItemMetadata window(Long from, Long expires) {
        return new ItemMetadata(null, List.of(), List.of(), true, null, from, expires);
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::item).toList();
    }

    @Test
    void combinedRulesMustAllPassAndBoostsMultiply() {
        BusinessRules defaults = new BusinessRules(Set.of("books", "music"), Set.of(), Set.of("a"),
                Map.of("books", 2.0), null, 50.0);
        BusinessRules request = new BusinessRules(Set.of("music", "toys"), Set.of(), Set.of("b"),
                Map.of("books", 1.5, "tag-music", 3.0), 5.0, 80.0);
        BusinessRules both = defaults.and(request);
        assertThat(both.includeCategories()).containsExactly("music");
        assertThat(both.excludeItems()).containsExactlyInAnyOrder("a", "b");
        assertThat(both.minPrice()).isEqualTo(5.0);
        assertThat(both.maxPrice()).isEqualTo(50.0);
        assertThat(both.boost(item("x", "books", null, null, null))).isEqualTo(3.0);
        assertThat(both.boost(item("y", "music", null, null, null))).as("a tag boost").isEqualTo(3.0);
        assertThat(both.boost(item("z", "toys", null, null, null))).isEqualTo(1.0);
        BusinessRules disjoint = rules(Set.of("books"), Set.of(), null, null).and(rules(Set.of("toys"), Set.of(), null, null));
        assertThat(disjoint.admits(item("a", "books", null, null, null), 0)).as("no category satisfies both").isFalse();
    }

    @Test
    void boostsParseWithClearErrors() {
        assertThat(BusinessRules.parseBoosts(List.of("books:1.5", "sale:2"))).containsEntry("books", 1.5)
                .containsEntry("sale", 2.0);
        assertThatThrownBy(() -> BusinessRules.parseBoosts(List.of("books"))).hasMessageContaining("category:weight");
        assertThatThrownBy(() -> BusinessRules.parseBoosts(List.of("books:x"))).hasMessageContaining("not a number");
        assertThatThrownBy(() -> BusinessRules.parseBoosts(List.of("books:0"))).hasMessageContaining("> 0");
    }
}
