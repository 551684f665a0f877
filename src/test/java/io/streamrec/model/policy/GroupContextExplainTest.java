package io.streamrec.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.Learner;
import io.streamrec.model.ranking.ContextProfile;
import io.streamrec.model.ranking.Explainer;
import io.streamrec.model.ranking.Recommender;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Group aggregation, context profiles and explanations, on a model trained with planted co-visits. */
class GroupContextExplainTest {
    private final ModelParams params = ModelParams.defaults();
    private final ItemIndex index = new ItemIndex(params.dimensions());
    private final ItemSide itemSide = new ItemSide(params);
    private final Map<String, ItemRecord> items = new HashMap<>();
    private final Learner learner = new Learner(params, new Random(1));
    private final Recommender recommender = new Recommender(params, index);

    GroupContextExplainTest() {
        for (int i = 0; i < 40; i++) {
            String id = "i" + i;
            ItemRecord record = itemSide.describe(null, id,
                    ItemMetadata.of("Item " + i, List.of("c" + i % 4), List.of(), true), index);
            items.put(id, record);
            index.upsert(record);
        }
        // Many users take i10 then i11, and i20 then i21: two planted pairs.
        for (int u = 0; u < 20; u++) {
            history(UserProfile.empty(), new HashSet<>(), 2L * u, "i10", "i11");
            history(UserProfile.empty(), new HashSet<>(), 2L * u, "i20", "i21");
        }
    }

    private void history(UserProfile user, Set<String> seen, long time, String... visited) {
        for (String item : visited) {
            boolean isNew = seen.add(item);
            for (ItemUpdate update : learner.learn(user, item, 1.0, isNew, time++, index)) {
                ItemRecord record = itemSide.apply(items.get(update.item()), update);
                items.put(update.item(), record);
                index.upsert(record);
            }
        }
    }

    private GroupRecommender.Member member(String id, String... visited) {
        UserProfile profile = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        history(profile, seen, 100, visited);
        return new GroupRecommender.Member(id, profile, seen);
    }

    @Test
    void strategiesAggregateAsNamed() {
        double[] scores = {0.2, 0.6, 1.0};
        assertThat(GroupStrategy.AVERAGE.aggregate(scores)).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(GroupStrategy.LEAST_MISERY.aggregate(scores)).isEqualTo(0.2);
        assertThat(GroupStrategy.MOST_PLEASURE.aggregate(scores)).isEqualTo(1.0);
        assertThat(GroupStrategy.parse("Least_Misery")).isEqualTo(GroupStrategy.LEAST_MISERY);
        assertThatThrownBy(() -> GroupStrategy.parse("dictator")).hasMessageContaining("average, least_misery");
    }

    @Test
    void aGroupGetsWhatEachMemberWantsAndNothingAnyoneSaw() {
        GroupRecommender groups = new GroupRecommender(recommender, index);
        List<GroupRecommender.Member> members = List.of(member("ann", "i10"), member("bob", "i20"));
        List<ScoredItem> pleasure = groups.recommend(members, GroupStrategy.MOST_PLEASURE, ListPolicy.none(), 5, 200);
        assertThat(pleasure).extracting(ScoredItem::item).contains("i11", "i21").doesNotContain("i10", "i20");
        assertThat(pleasure).filteredOn(s -> s.item().equals("i11")).first()
                .extracting(ScoredItem::reason).isEqualTo("for ann: because you viewed Item 10");
        List<ScoredItem> misery = groups.recommend(members, GroupStrategy.LEAST_MISERY, ListPolicy.none(), 5, 200);
        double[] previous = {Double.POSITIVE_INFINITY};
        misery.forEach(s -> {
            assertThat(s.score()).isLessThanOrEqualTo(previous[0]);
            previous[0] = s.score();
        });
        // The least-miserable score of an item is at most what its keener member gives it.
        Map<String, Double> best = new HashMap<>();
        pleasure.forEach(s -> best.put(s.item(), s.score()));
        misery.stream().filter(s -> best.containsKey(s.item()))
                .forEach(s -> assertThat(s.score()).isLessThanOrEqualTo(best.get(s.item())));
    }

    @Test
    void scoringGivenItemsScoresExactlyThem() {
        UserProfile ann = member("ann", "i10").profile();
        List<ScoredItem> scored = recommender.score(ann, List.of("i11", "i30", "unknown"), 200);
        assertThat(scored).extracting(ScoredItem::item).containsExactly("i11", "i30");
    }

    @Test
    void aContextProfileRecommendsForTheBasketWithoutTheBasket() {
        UserProfile context = ContextProfile.of(List.of("i3", "i10"), index, params);
        assertThat(context.recentItems).as("most recent first").containsExactly("i10", "i3");
        assertThat(context.vector).isNotNull();
        List<ScoredItem> list = recommender.recommend(context, null, Set.of("i3", "i10"), e -> true, 5, 200);
        assertThat(list.get(0).item()).isEqualTo("i11");
        assertThat(ContextProfile.of(List.of("nothing-known"), index, params).isCold()).isTrue();
    }

    @Test
    void becauseRanksTheCoVisitedRecentItemFirst() {
        UserProfile user = member("ann", "i30", "i10", "i31").profile();
        List<ScoredItem> because = new Explainer(params, index).because(user, "i11", 3);
        assertThat(because).extracting(ScoredItem::item).hasSize(3).first().isEqualTo("i10");
        assertThat(because.get(0).source()).isEqualTo(ScoredItem.Source.COVISITATION);
        assertThat(because.get(0).reason()).isEqualTo("viewed together with Item 11 by other users");
        assertThat(new Explainer(params, index).because(user, "missing", 3)).isEmpty();
    }

    @Test
    void noRecentItemIsCalledSimilarAtACosineOfZeroOrLess() {
        UserProfile user = member("ann", "i30", "i31", "i32", "i33", "i34", "i35", "i36", "i37", "i38").profile();
        Explainer explainer = new Explainer(params, index);
        int similar = 0;
        for (int i = 0; i < 30; i++) {
            for (ScoredItem explained : explainer.because(user, "i" + i, 10)) {
                Matcher cosine = Pattern.compile("\\(cosine (-?[0-9.]+)\\)$")
                        .matcher(explained.reason());
                if (cosine.find()) {
                    similar++;
                    assertThat(Double.parseDouble(cosine.group(1))).as(explained.reason()).isPositive();
                }
            }
        }
        assertThat(similar).as("some recent items are alike").isPositive();
    }

    @Test
    void popularityReasonsNameTheCategoryTheUserBrowses() {
        UserProfile user = member("ann", "i1").profile();
        // Popularity alone ranks, so every reason is a popularity one.
        Recommender popular = new Recommender(new ModelParams(params.dimensions(), params.learningRate(),
                params.regularization(), params.negatives(), params.initStd(), params.recentItems(),
                params.coVisitWindow(), params.neighbours(), params.popularityHalfLifeMs(), 0, 0, 1,
                params.recencyDecay(), params.pairDecay(), params.coVisitCandidates(), 0, params.contentStart(), false,
                params.fusionLearningRate()), index);
        List<ScoredItem> list = popular.recommend(user, null, Set.of("i1"), e -> true, 40, 200);
        assertThat(list).filteredOn(s -> items.get(s.item()).metadata.categories().contains("c1"))
                .isNotEmpty().allSatisfy(s -> assertThat(s.reason()).isEqualTo("trending in c1"));
        assertThat(list).filteredOn(s -> !items.get(s.item()).metadata.categories().contains("c1"))
                .isNotEmpty().allSatisfy(s -> assertThat(s.reason()).isEqualTo("popular"));
    }
}
