package io.streamrec.model.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.Learner;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The candidate-based refresh: co-visited items first, history excluded, index slots kept right. */
class CoVisitationRefreshTest {
    private final ModelParams params = ModelParams.defaults();
    private final ItemSide itemSide = new ItemSide(params);
    private final ItemIndex index = new ItemIndex(params.dimensions());
    private final java.util.Map<String, ItemRecord> records = new java.util.HashMap<>();

    private void apply(List<ItemUpdate> updates) {
        for (ItemUpdate update : updates) {
            ItemRecord record = itemSide.apply(records.get(update.item()), update);
            records.put(update.item(), record);
            index.upsert(record);
        }
    }

    @Test
    void recommendsWhatOthersTookAfterTheUsersLastItemAndNeverItsHistory() {
        Learner learner = new Learner(params, new Random(1));
        long t = 0;
        for (int u = 0; u < 30; u++) {
            UserProfile user = UserProfile.empty();
            apply(learner.learn(user, "filler" + (u % 7), 1, true, t++, index));
            apply(learner.learn(user, "a", 1, true, t++, index));
            apply(learner.learn(user, "b", 1, true, t++, index));
        }
        UserProfile me = UserProfile.empty();
        apply(learner.learn(me, "a", 1, true, t++, index));

        List<ScoredItem> list = new Recommender(params, index).recommend(me, null, Set.of("a"), e -> true, 5, t);
        assertThat(list).isNotEmpty();
        assertThat(list.get(0).item()).isEqualTo("b");
        assertThat(list.get(0).source()).isEqualTo(ScoredItem.Source.COVISITATION);
        assertThat(list).extracting(ScoredItem::item).doesNotContain("a");
    }

    @Test
    void neighbourSlotsSurviveARemovalThatFreesAndReusesASlot() {
        ItemRecord x = new ItemRecord("x", new float[params.dimensions()], 10);
        ItemRecord y = new ItemRecord("y", new float[params.dimensions()], 10);
        x.neighbours.add("y", 3f);
        index.upsert(y);
        index.upsert(x);
        index.remove("y");
        index.upsert(new ItemRecord("z", new float[params.dimensions()], 10));
        index.upsert(y);

        index.read(snapshot -> {
            int xSlot = snapshot.slot("x");
            assertThat(snapshot.neighbourSlot(xSlot, 0)).isEqualTo(snapshot.slot("y"));
            return null;
        });
    }

    @Test
    void kthLargestSelectsWithoutSorting() {
        float[] values = {0.5f, 3f, 1f, 3f, 2f, 0f};
        CoVisitSums candidates = new CoVisitSums();
        assertThat(candidates.kthLargest(values, values.length, 1)).isEqualTo(3f);
        assertThat(candidates.kthLargest(values, values.length, 2)).isEqualTo(3f);
        assertThat(candidates.kthLargest(values, values.length, 3)).isEqualTo(2f);
        assertThat(candidates.kthLargest(values, values.length, 6)).isEqualTo(0f);
        assertThat(values).containsExactly(0.5f, 3f, 1f, 3f, 2f, 0f);
    }

    @Test
    void kthLargestAgreesWithSortingOnManyCloseAndNegativeValues() {
        java.util.Random random = new java.util.Random(7);
        CoVisitSums candidates = new CoVisitSums();
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(3000);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                // Clustered values share histogram buckets; some negative, some repeated.
                values[i] = random.nextInt(4) == 0 ? values[random.nextInt(i + 1)]
                        : (float) ((random.nextDouble() - 0.1) * Math.pow(10, random.nextInt(6) - 3));
            }
            float[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int k = 1 + random.nextInt(n);
            assertThat(candidates.kthLargest(values, n, k)).isEqualTo(sorted[n - k]);
        }
    }

    @Test
    void theCutKeepsTheBestReachedSlotsInTheOrderFirstReachedAndSkipsExcludedOnes() {
        CoVisitSums sums = new CoVisitSums().begin(10, true);
        sums.exclude(4);
        sums.reserve(9);
        for (int slot : new int[] {5, 1, 3, 4, 2}) {
            sums.add(slot, slot, 0);
        }
        sums.add(1, 3f, 1);
        sums.add(2, 0.5f, 2);
        sums.add(2, 0f, 3);
        sums.add(6, 0f, 3);
        assertThat(sums.of(1)).isEqualTo(4f);
        assertThat(sums.of(4)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(sums.of(6)).isZero();
        assertThat(sums.strongestFrom(1)).isEqualTo(1);
        assertThat(sums.strongestFrom(2)).isZero();

        Candidates c = new Candidates().begin(10);
        sums.appendBest(2, c);
        assertThat(java.util.Arrays.copyOf(c.slots, c.size)).containsExactly(5, 1);
        assertThat(c.coVisitation[1]).isEqualTo(4f);
        assertThat(c.coVisitedFrom[1]).isEqualTo(1);
        assertThat(c.add(2)).isEqualTo(2);
        assertThat(c.add(5)).isZero();

        // The next pass starts from nothing, sources included.
        sums.begin(10, true);
        sums.reserve(2);
        sums.add(4, 1f, 0);
        sums.add(1, 0.5f, 0);
        assertThat(sums.of(4)).isEqualTo(1f);
        assertThat(sums.of(5)).isZero();
        assertThat(sums.strongestFrom(1)).isZero();
        Candidates next = new Candidates().begin(10);
        sums.appendBest(5, next);
        assertThat(java.util.Arrays.copyOf(next.slots, next.size)).containsExactly(4, 1);
    }
}
