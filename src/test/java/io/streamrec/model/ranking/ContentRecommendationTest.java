package io.streamrec.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.TestParams;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Content as a blend signal, a candidate source, the basis of "similar" for little-used items and of start vectors. */
class ContentRecommendationTest {
    private final ItemIndex index = new ItemIndex(ModelParams.defaults().dimensions());

    private ItemRecord put(String id, String title, List<String> categories, List<String> tags, float[] vector,
                           double popularity, long users) {
        ItemRecord record = new ItemRecord(id, vector, 4);
        record.metadata = ItemMetadata.of(title, categories, tags, true);
        record.popularity = popularity;
        record.distinctUsers = users;
        index.upsert(record);
        return record;
    }

    /** 150 used, popular dramas (they fill the trending pool), Alien, and Aliens which nobody used yet. */
    private UserProfile catalogueAndAlienFan() {
        int d = index.dimensions();
        for (int i = 0; i < 150; i++) {
            put("i" + i, "Filler " + i, List.of("Drama"), List.of(), ItemIndex.noise("i" + i, d, 0.1f), 1 + i, 3);
        }
        float[] alien = ItemIndex.noise("alien", d, 0.1f);
        put("alien", "Alien (1979)", List.of("Horror", "Sci-Fi"), List.of("space"), alien, 5, 3);
        put("aliens", "Aliens (1986)", List.of("Horror", "Sci-Fi"), List.of("space"), alien.clone(), 0, 0);
        return new UserProfile(alien.clone(), List.of("alien"), 1, 0);
    }

    private List<String> recommend(ModelParams params, UserProfile user) {
        return new Recommender(params, index).recommend(user, null, Set.of("alien"), e -> true, 10, 0).stream()
                .map(ScoredItem::item).toList();
    }

    @Test
    void anItemNobodyUsedIsListedThroughItsContent() {
        UserProfile fan = catalogueAndAlienFan();
        assertThat(recommend(TestParams.with(0.1, false, 0), fan)).contains("aliens");
        assertThat(recommend(TestParams.with(0, false, 0), fan)).as("content off: not even a candidate")
                .doesNotContain("aliens");
    }

    @Test
    void aListedItemCanOweItsPlaceToContent() {
        UserProfile fan = catalogueAndAlienFan();
        ScoredItem first = new Recommender(TestParams.with(2.0, false, 0), index)
                .recommend(fan, null, Set.of("alien"), e -> true, 5, 0).get(0);
        assertThat(first.item()).isEqualTo("aliens");
        assertThat(first.source()).isEqualTo(ScoredItem.Source.CONTENT);
        assertThat(first.reason()).isEqualTo("because you viewed Alien (1979)");
    }

    @Test
    void similarItemsOfAnUnusedItemComeFromContent() {
        catalogueAndAlienFan();
        List<ScoredItem> similar = new Recommender(ModelParams.defaults(), index).similar("aliens", 3);
        assertThat(similar.get(0).item()).isEqualTo("alien");
        assertThat(similar.get(0).source()).isEqualTo(ScoredItem.Source.CONTENT);
        assertThat(similar.get(0).reason()).isEqualTo("like Aliens (1986) in category, tags or title");
    }

    @Test
    void fusionWeightsDriveTheBlend() {
        UserProfile fan = catalogueAndAlienFan();
        ModelParams params = TestParams.with(0.1, true, 0.5);
        FusionWeights fusion = new FusionWeights(params);
        Recommender recommender = new Recommender(params, index, fusion);
        List<ScoredItem.Source> list = List.of(ScoredItem.Source.EMBEDDING, ScoredItem.Source.POPULARITY);
        for (int i = 0; i < 50; i++) {
            fusion.observe(list, 1);
        }
        // Popularity is now 4 x 0.05 and the embedding 0.5 / 4: one of the trending pool's fillers
        // (twice the list's length: the 6 most popular, i144-i149) rises to the top.
        assertThat(recommender.recommend(fan, null, Set.of("alien"), e -> true, 3, 0).get(0).item()).matches("i14[4-9]");
        assertThat(new Recommender(params, index).recommend(fan, null, Set.of("alien"), e -> true, 3, 0).get(0).item())
                .isEqualTo("aliens");
    }

    @Test
    void aNewItemStartsFromTheUsedItemsClosestInContent() {
        put("alien", "Alien (1979)", List.of("Horror"), List.of("space"), unit(0), 1, 3);
        put("scream", "Scream (1996)", List.of("Horror"), List.of("slasher"), unit(1), 1, 3);
        put("unused", "Alien Resurrection (1997)", List.of("Horror"), List.of("space"), unit(2), 0, 0);
        float[] start = index.contentInitialVector("aliens", "Aliens (1986)", List.of("Horror"), List.of("space"),
                1e-6f, 10);
        assertThat(start[0]).as("alien shares tag and genre").isGreaterThan(start[1] * 2);
        assertThat(start[2]).as("items nobody used lend nothing").isCloseTo(0f, within(1e-4f));
        float[] byCategory = index.initialVector("aliens", List.of("Horror"), List.of("space"), 1e-6f);
        assertThat(byCategory[0] - byCategory[1]).as("the category mean blurs them")
                .isLessThan(start[0] - start[1]);
    }

    private float[] unit(int axis) {
        float[] v = new float[index.dimensions()];
        v[axis] = 1f;
        return v;
    }
}
