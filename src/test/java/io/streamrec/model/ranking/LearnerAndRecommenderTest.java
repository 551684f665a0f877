package io.streamrec.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.Learner;
import io.streamrec.model.ranker.CurrentRanker;
import io.streamrec.model.ranker.NewUserPicks;
import io.streamrec.model.ranker.PopularityOrder;
import io.streamrec.model.ranker.RankerFeatures;
import io.streamrec.model.ranker.RankerWeights;
import io.streamrec.model.ranker.RankingExample;
import io.streamrec.model.ranker.YoungPick;
import io.streamrec.model.ranker.YoungUserPicks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model driven the way the topology drives it: learn, apply item updates, recommend. */
class LearnerAndRecommenderTest {
    private final ModelParams params = ModelParams.defaults();
    private final ItemIndex index = new ItemIndex(params.dimensions());
    private final ItemSide itemSide = new ItemSide(params);
    private final Map<String, ItemRecord> items = new HashMap<>();
    private final Learner learner = new Learner(params, new Random(1));
    private final Recommender recommender = new Recommender(params, index);

    private void catalogue(int count) {
        for (int i = 0; i < count; i++) {
            String id = "i" + i;
            ItemRecord record = itemSide.describe(null, id,
                    ItemMetadata.of("Item " + i, List.of(i % 2 == 0 ? "even" : "odd"), List.of(), true), index);
            items.put(id, record);
            index.upsert(record);
        }
    }

    private void learn(UserProfile user, Set<String> seen, String item, long time) {
        boolean isNew = seen.add(item);
        for (ItemUpdate update : learner.learn(user, item, 1.0, isNew, time, index)) {
            ItemRecord record = itemSide.apply(items.get(update.item()), update);
            items.put(update.item(), record);
            index.upsert(record);
        }
    }

    /** A catalogue of 40 in which 20 users took i11 right after i10. */
    private void othersTakeItem11AfterItem10() {
        catalogue(40);
        for (int u = 0; u < 20; u++) {
            UserProfile other = UserProfile.empty();
            Set<String> seen = new HashSet<>();
            learn(other, seen, "i10", 2L * u);
            learn(other, seen, "i11", 2L * u + 1);
        }
    }

    @Test
    void aStepMovesTheUserTowardsThePositiveItem() {
        catalogue(50);
        UserProfile user = UserProfile.empty();
        learn(user, new HashSet<>(), "i1", 1);
        float before = VectorMath.dot(user.vector, index.vector("i3"));
        float[] positive = index.vector("i3");
        UserProfile copy = new UserProfile(user.vector.clone(), user.recentItems, user.events, 1);
        List<ItemUpdate> updates = learner.learn(copy, "i3", 1.0, true, 2, index);
        assertThat(VectorMath.dot(copy.vector, positive)).isGreaterThan(before);
        assertThat(updates.get(0).item()).isEqualTo("i3");
        assertThat(updates.get(0).newUsers()).isEqualTo(1);
        assertThat(updates.get(0).coVisits()).containsKey("i1");
        assertThat(copy.recentItems).containsExactly("i3", "i1");
    }

    @Test
    void coVisitationRecommendsWhatOthersTookNext() {
        othersTakeItem11AfterItem10();
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(user, seen, "i10", 100);
        List<ScoredItem> list = recommender.recommend(user, null, seen, e -> true, 5, 100);
        assertThat(list.get(0).item()).isEqualTo("i11");
        assertThat(list.get(0).reason()).isEqualTo("because you viewed Item 10");
    }

    @Test
    void aPickAmongTheCandidatesBecomesAnExampleWithThePickFirstAndOthersAfterIt() {
        othersTakeItem11AfterItem10();
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(user, seen, "i10", 100);
        RankingExample example = recommender.example(user, null, "i11", 5, 4, new Random(1), 100);
        assertThat(example.candidates()).isEqualTo(5);
        float[] pick = java.util.Arrays.copyOfRange(example.rows(), 0, RankerFeatures.COUNT);
        // i11 is the one item co-visited with the user's newest: both co-visitation features are the list's largest.
        assertThat(pick[RankerFeatures.COVISITATION]).isEqualTo(1f);
        assertThat(pick[RankerFeatures.COVISITATION_NEWEST]).isEqualTo(1f);
        assertThat(pick[RankerFeatures.USER_ACTIVITY]).isEqualTo(RankerFeatures.userActivity(1));
        for (int k = 1; k < example.candidates(); k++) {
            assertThat(example.rows()[k * RankerFeatures.COUNT + RankerFeatures.COVISITATION]).isLessThan(1f);
        }
        assertThat(recommender.example(user, null, "no-such-item", 5, 4, new Random(1), 100)).isNull();
        assertThat(recommender.example(UserProfile.empty(), null, "i11", 5, 4, new Random(1), 100).isNewUserPick())
                .as("a new user's pick counts for the orders of new users' lists, it ranks nothing").isTrue();
    }

    /**
     * An example drawn apart from a list first asks cheaply whether the pick can be a candidate at
     * all; it must agree, pick by pick, with the candidates of the list the user had at that moment.
     */
    @Test
    void aPickTeachesFromItsOwnCandidatesExactlyWhenItTeachesFromTheListsCandidates() {
        catalogue(300);
        Random random = new Random(7);
        List<UserProfile> users = new ArrayList<>();
        List<Set<String>> histories = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            UserProfile user = UserProfile.empty();
            Set<String> seen = new HashSet<>();
            // One user in ten has had the 150 most popular items, which others never take: their lists
            // run short of candidates and fall back to every item.
            int events = u % 10 == 0 ? 150 : 8;
            for (int e = 0; e < events; e++) {
                learn(user, seen, "i" + (u % 10 == 0 ? e : 150 + random.nextInt(150)), 10L * u + e);
            }
            users.add(user);
            histories.add(seen);
        }
        CurrentRanker ranker = new CurrentRanker();
        ranker.install(RankerWeights.blend(params.embeddingWeight(), params.coVisitationWeight(),
                params.popularityWeight(), params.contentWeight(), 8, 1));
        Recommender learned = new Recommender(params, index, null, false, ranker);
        long now = 1000;
        int asked = 0;
        int taught = 0;
        for (int u = 0; u < users.size(); u += 3) {
            UserProfile user = users.get(u);
            SeenItems seen = SeenItems.of(histories.get(u));
            for (int i = 0; i < 300; i++) {
                String pick = "i" + i;
                if (seen.contains(pick)) {
                    continue;
                }
                learned.recommend(user, seen, Set.of(), e -> true, 50, now);
                RankingExample fromList = learned.example(user, seen, pick, 50, 4, new Random(1), now);
                learned.recommend(users.get(u + 1), SeenItems.of(histories.get(u + 1)), Set.of(), e -> true, 50, now);
                RankingExample alone = learned.example(user, seen, pick, 50, 4, new Random(1), now);
                assertThat(teaches(alone)).as("user %d picking %s", u, pick).isEqualTo(teaches(fromList));
                assertThat(alone == null ? null : alone.young()).isEqualTo(fromList == null ? null : fromList.young());
                asked++;
                taught += teaches(fromList) ? 1 : 0;
            }
        }
        assertThat(taught).as("some picks teach, others do not").isPositive().isLessThan(asked);
    }

    /** Whether the example has a ranking to learn (a young user's pick may carry only which lists held it). */
    private static boolean teaches(RankingExample example) {
        return example != null && example.isRanking();
    }

    @Test
    void aPickTeachesFromTheListItAnsweredAndABasketsLaterLineFromTheUserAfterTheLinesBeforeIt() {
        othersTakeItem11AfterItem10();
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(user, seen, "i10", 100);
        CurrentRanker ranker = new CurrentRanker();
        ranker.install(RankerWeights.blend(params.embeddingWeight(), params.coVisitationWeight(),
                params.popularityWeight(), params.contentWeight(), 8, 1));
        Recommender learned = new Recommender(params, index, null, false, ranker);
        learned.recommend(user, null, seen, e -> true, 20, 200);
        RankingExample firstLine = learned.example(user, null, "i11", 20, 4, new Random(1), 200);
        assertThat(firstLine.rows()[RankerFeatures.USER_ACTIVITY]).as("the user as the list saw them")
                .isEqualTo(RankerFeatures.userActivity(1));
        // The basket's first line is learned; what it owes items waits for the publish interval, as live.
        learner.learn(user, "i11", 1.0, true, 200, index);
        RankingExample secondLine = learned.example(user, null, "i12", 20, 4, new Random(1), 200);
        assertThat(secondLine.rows()[RankerFeatures.USER_ACTIVITY])
                .as("live knows the user after the first line, and so does the replay")
                .isEqualTo(RankerFeatures.userActivity(2));
    }

    @Test
    void theLearnedRankersFirstVersionListsWhatTheBlendLists() {
        othersTakeItem11AfterItem10();
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(user, seen, "i10", 100);
        learn(user, seen, "i3", 101);
        CurrentRanker ranker = new CurrentRanker();
        Recommender learned = new Recommender(params, index, null, false, ranker);
        ranker.install(RankerWeights.blend(params.embeddingWeight(), params.coVisitationWeight(),
                params.popularityWeight(), params.contentWeight(), 8, 1));
        List<String> byBlend = recommender.recommend(user, null, seen, e -> true, 10, 102).stream()
                .map(ScoredItem::item).toList();
        assertThat(learned.recommend(user, null, seen, e -> true, 10, 102).stream().map(ScoredItem::item).toList())
                .isEqualTo(byBlend);
    }

    @Test
    void aReasonSaysWhatTheUserDidWithTheRecentItem() {
        othersTakeItem11AfterItem10();
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>(List.of("i10"));
        for (ItemUpdate update : learner.learn(user, "i10", "PURCHASE", 5.0, true, 100, index)) {
            index.upsert(itemSide.apply(items.get(update.item()), update));
        }
        assertThat(user.recentTypes).containsExactly("PURCHASE");
        List<ScoredItem> list = recommender.recommend(user, null, seen, e -> true, 5, 100);
        assertThat(list.get(0).item()).isEqualTo("i11");
        assertThat(list.get(0).reason()).isEqualTo("because you bought Item 10");
        assertThat(ListReasons.because("ADD_TO_CART", "X")).isEqualTo("because you added X to your cart");
        assertThat(ListReasons.because("TRAVEL_BOOKED", "X")).as("a type of the log's own naming")
                .isEqualTo("because you viewed X");
    }

    @Test
    void aTouchKeepsEachRecentItemsTypeBesideIt() {
        UserProfile user = new UserProfile(null, List.of("a", "b"), List.of("VIEW"), 2, 0);
        assertThat(user.recentTypes).as("padded with unknowns").containsExactly("VIEW", null);
        user.touch("b", "CLICK", 2);
        user.touch("c", "PURCHASE", 2);
        assertThat(user.recentItems).containsExactly("c", "b");
        assertThat(user.recentTypes).containsExactly("PURCHASE", "CLICK");
        assertThat(user.copy().recentTypes).containsExactly("PURCHASE", "CLICK");
    }

    @Test
    void aReasonNamesNoRecentItemThatIsUnlikeTheListedOne() {
        // The user's taste points along axis 0; the two recent items are orthogonal to it and to the
        // candidate, which the taste alone ranks: neither recent item explains it.
        ItemIndex planted = new ItemIndex(params.dimensions());
        planted.upsert(new ItemRecord("recent-a", axis(1), params.neighbours()));
        planted.upsert(new ItemRecord("recent-b", axis(2), params.neighbours()));
        planted.upsert(new ItemRecord("candidate", axis(0), params.neighbours()));
        float[] away = axis(0);
        away[0] = -1f;
        planted.upsert(new ItemRecord("opposite", away, params.neighbours()));
        UserProfile user = new UserProfile(axis(0), List.of("recent-a", "recent-b"), 2, 1);
        List<ScoredItem> list = new Recommender(params, planted).recommend(user, null, Set.of("recent-a", "recent-b"),
                e -> true, 1, 1);
        assertThat(list).extracting(ScoredItem::item).containsExactly("candidate");
        assertThat(list.get(0).source()).isEqualTo(ScoredItem.Source.EMBEDDING);
        assertThat(list.get(0).reason()).isEqualTo("popular");
    }

    private float[] axis(int d) {
        float[] v = new float[params.dimensions()];
        v[d] = 1f;
        return v;
    }

    @Test
    void aRecommenderThatDoesNotExplainRanksTheSame() {
        catalogue(40);
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            learn(user, seen, "i" + (3 * i % 40), i);
        }
        Recommender silent = new Recommender(params, index, null, false);
        List<ScoredItem> explained = recommender.recommend(user, null, seen, e -> true, 20, 100);
        List<ScoredItem> ranked = silent.recommend(user, null, seen, e -> true, 20, 100);
        assertThat(ranked).extracting(ScoredItem::item).containsExactlyElementsOf(
                explained.stream().map(ScoredItem::item).toList());
        assertThat(ranked).extracting(ScoredItem::score).containsExactlyElementsOf(
                explained.stream().map(ScoredItem::score).toList());
        assertThat(ranked).extracting(ScoredItem::source).containsExactlyElementsOf(
                explained.stream().map(ScoredItem::source).toList());
        assertThat(explained).allSatisfy(item -> assertThat(item.reason()).isNotBlank());
        assertThat(ranked).allSatisfy(item -> assertThat(item.reason()).isNull());
    }

    @Test
    void excludedAndUnavailableItemsAreNeverReturned() {
        catalogue(10);
        ItemRecord gone = items.get("i5");
        gone.metadata = ItemMetadata.of(gone.metadata.title(), gone.metadata.categories(), List.of(), false);
        index.upsert(gone);
        UserProfile user = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(user, seen, "i1", 1);
        learn(user, seen, "i2", 2);
        List<ScoredItem> list = recommender.recommend(user, null, seen, e -> !e.id().equals("i7"), 10, 3);
        assertThat(list).extracting(ScoredItem::item).doesNotContain("i1", "i2", "i5", "i7").hasSize(6);
    }

    @Test
    void coldUsersGetTrendingByDecayedPopularity() {
        catalogue(5);
        UserProfile someone = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(someone, seen, "i4", 1_000);
        List<ScoredItem> trending = recommender.trending(Set.of(), e -> true, 3, 1_000);
        assertThat(trending.get(0).item()).isEqualTo("i4");
        assertThat(trending.get(0).source()).isEqualTo(ScoredItem.Source.POPULARITY);
        assertThat(trending.get(0).reason()).isEqualTo("popular");
        assertThat(recommender.recommend(UserProfile.empty(), null, Set.of(), e -> true, 3, 1_000))
                .extracting(ScoredItem::item).isEqualTo(trending.stream().map(ScoredItem::item).toList());
    }

    @Test
    void anItemAddedAfterTheFirstListIsTrendingAtOnceWhileThePoolHoldsTheWholeCatalogue() {
        catalogue(4);
        assertThat(recommender.trending(Set.of(), e -> true, 3, 1_000)).hasSize(3);
        catalogue(5);
        learn(UserProfile.empty(), new HashSet<>(), "i4", 1_000);
        assertThat(recommender.trending(Set.of(), e -> true, 3, 1_000)).extracting(ScoredItem::item)
                .startsWith("i4");
    }

    @Test
    void aNewUsersListTakesTheOrderNewUsersFirstPicksFavour() {
        catalogue(6);
        long now = 10 * params.popularityHalfLifeMs();
        // i0: five users ten half-lives ago; i1: two users now. Trending lists i1 first, all-time i0.
        for (int u = 0; u < 5; u++) {
            learn(UserProfile.empty(), new HashSet<>(), "i0", 0);
        }
        for (int u = 0; u < 2; u++) {
            learn(UserProfile.empty(), new HashSet<>(), "i1", now);
        }
        CurrentRanker ranker = new CurrentRanker();
        Recommender learned = new Recommender(params, index, null, false, ranker);
        assertThat(learned.trending(Set.of(), e -> true, 1, now)).extracting(ScoredItem::item)
                .as("trending until new users' picks are counted").containsExactly("i1");

        RankingExample pick = learned.example(UserProfile.empty(), null, "i0", 1, 4, new Random(1), now);
        assertThat(pick.newUserOrders()).as("all-time lists i0 first, the fused order ties it with i1")
                .isEqualTo(PopularityOrder.ALL_TIME.bit() | PopularityOrder.BOTH.bit());
        ranker.install(RankerWeights.blend(params.embeddingWeight(), params.coVisitationWeight(),
                params.popularityWeight(), params.contentWeight(), 8, 1)
                .withPicks(NewUserPicks.NONE.plus(pick.newUserOrders(), 4096), YoungUserPicks.NONE));
        assertThat(learned.trending(Set.of(), e -> true, 1, now)).extracting(ScoredItem::item).containsExactly("i0");
        assertThat(learned.recommend(UserProfile.empty(), null, Set.of(), e -> true, 1, now))
                .extracting(ScoredItem::item).as("a new user's list").containsExactly("i0");
        assertThat(learned.example(UserProfile.empty(), null, "i5", 1, 4, new Random(1), now))
                .as("a pick no order lists first").isNull();
    }

    @Test
    void aYoungUsersPickSaysWhichOfTheirTwoListsHeldItAndTheirBandGetsPopularOnceItLeadsSignificantly() {
        othersTakeItem11AfterItem10();
        for (int u = 0; u < 30; u++) {
            learn(UserProfile.empty(), new HashSet<>(), "i0", 40 + u);
        }
        CurrentRanker ranker = new CurrentRanker();
        Recommender learned = new Recommender(params, index, null, false, ranker);
        UserProfile young = UserProfile.empty();
        Set<String> seen = new HashSet<>();
        learn(young, seen, "i10", 100);
        long now = 101;
        String personalFirst = learned.recommend(young, SeenItems.of(seen), Set.of(), e -> true, 1, now).get(0).item();
        String popularFirst = learned.trending(seen, e -> true, 1, now).get(0).item();
        assertThat(List.of(personalFirst, popularFirst)).as("co-visited with i10; the most users").containsExactly(
                "i11", "i0");

        YoungPick popularPick = learned.example(young, SeenItems.of(seen), "i0", 1, 4, new Random(1), now).young();
        assertThat(popularPick).isEqualTo(new YoungPick(0, false, true));
        RankingExample personalPick = learned.example(young, SeenItems.of(seen), "i11", 1, 4, new Random(1), now);
        assertThat(personalPick.young()).isEqualTo(new YoungPick(0, true, false));
        assertThat(personalPick.isRanking()).as("a candidate: a ranking example too").isTrue();

        YoungUserPicks counted = YoungUserPicks.NONE;
        for (int p = 0; p < 10; p++) {
            counted = counted.plus(popularPick, 4096);
        }
        ranker.install(RankerWeights.blend(params.embeddingWeight(), params.coVisitationWeight(),
                params.popularityWeight(), params.contentWeight(), 8, 1).withPicks(NewUserPicks.NONE, counted));
        assertThat(learned.personalizes(young)).isFalse();
        assertThat(learned.recommend(young, SeenItems.of(seen), Set.of(), e -> true, 1, now))
                .extracting(ScoredItem::item).as("users of one event now get the popular list").containsExactly("i0");
        learn(young, seen, "i11", 102);
        assertThat(learned.personalizes(young)).as("two events: another band, still personal").isTrue();

        UserProfile seasoned = UserProfile.empty();
        Set<String> history = new HashSet<>();
        for (int i = 20; i < 20 + params.coVisitWindow(); i++) {
            learn(seasoned, history, "i" + i, 200 + i);
        }
        RankingExample seasonedPick = learned.example(seasoned, SeenItems.of(history), "i0", 20, 4, new Random(1), 300);
        assertThat(seasonedPick == null || seasonedPick.young() == null)
                .as("a full co-visitation window: no longer young").isTrue();
    }

    @Test
    void popularityHalvesAfterOneHalfLife() {
        ItemRecord record = new ItemRecord("x", new float[1], 1);
        record.addPopularity(8, 0, 1000);
        assertThat(ItemRecord.decayed(record.popularity, record.popularityTimestamp, 1000, 1000)).isEqualTo(4);
        record.addPopularity(1, 1000, 1000);
        assertThat(record.popularity).isEqualTo(5);
    }
}
