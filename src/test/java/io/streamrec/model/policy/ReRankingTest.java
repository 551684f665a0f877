package io.streamrec.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.ranking.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Diversity (MMR, category cap) and boosts, on an index whose vectors are set by hand. */
class ReRankingTest {
    private final ItemIndex index = new ItemIndex(2);

    private void item(String id, String category, float x, float y) {
        ItemRecord record = new ItemRecord(id, new float[] {x, y}, 1);
        record.metadata = ItemMetadata.of(null, List.of(category), List.of(), true);
        index.upsert(record);
    }

    /** a1..a3 point one way (category a), b1 another (category b); relevance falls a1 > a2 > a3 > b1. */
    private List<ScoredItem> ranked() {
        item("a1", "a", 1, 0);
        item("a2", "a", 0.99f, 0.05f);
        item("a3", "a", 0.98f, 0.1f);
        item("b1", "b", 0, 1);
        List<ScoredItem> ranked = new ArrayList<>();
        String[] ids = {"a1", "a2", "a3", "b1"};
        for (int k = 0; k < ids.length; k++) {
            ranked.add(new ScoredItem(ids[k], 1.0 - 0.1 * k, ScoredItem.Source.EMBEDDING, "r"));
        }
        return ranked;
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::item).toList();
    }

    @Test
    void noDiversityKeepsTheRelevanceOrder() {
        assertThat(ids(new Diversifier(0, 0).rerank(ranked(), index, 3))).containsExactly("a1", "a2", "a3");
    }

    @Test
    void diversityLiftsTheDissimilarItem() {
        assertThat(ids(new Diversifier(0.5, 0).rerank(ranked(), index, 3))).containsExactly("a1", "b1", "a2");
    }

    @Test
    void theCategoryCapBoundsItemsPerCategory() {
        List<ScoredItem> capped = new Diversifier(0, 2).rerank(ranked(), index, 4);
        assertThat(ids(capped)).containsExactly("a1", "a2", "b1");
        assertThat(capped.get(2).score()).as("items keep their own score").isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void diversityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new Diversifier(1.5, 0)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void boostsReorderAndRulesDropBeforeDiversity() {
        BusinessRules rules = new BusinessRules(null, Set.of(), Set.of("a2"), Map.of("b", 2.0), null, null);
        List<ScoredItem> out = new ListPolicy(rules, Diversifier.none()).rerank(ranked(), index, 3, 0);
        assertThat(ids(out)).containsExactly("b1", "a1", "a3");
        assertThat(out.get(0).score()).isEqualTo(1.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCategoryCapThatEmptiesThePoolLooksDeeperOnce() {
        ItemIndex catalogue = new ItemIndex(2);
        // 60 popular items in one category, then one less popular item in another: beyond the first pool.
        for (int i = 0; i <= 60; i++) {
            ItemRecord record = new ItemRecord("p" + i, new float[] {1, 0}, 1);
            record.metadata = ItemMetadata.of(null, List.of(i < 60 ? "a" : "b"), List.of(), true);
            record.popularity = 1000 - i;
            catalogue.upsert(record);
        }
        Recommender recommender = new Recommender(ModelParams.defaults(), catalogue);
        List<ScoredItem> list = new ListPolicy(BusinessRules.none(), new Diversifier(0, 1))
                .recommend(recommender, catalogue, null, null, Set.of(), 2, 0);
        assertThat(ids(list)).containsExactly("p0", "p60");
    }
}
