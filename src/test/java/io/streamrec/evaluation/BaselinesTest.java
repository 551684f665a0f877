package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.EventWeights;
import io.streamrec.model.ModelParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Planted logs where one signal is the truth: the model that reads that signal must win. */
class BaselinesTest {
    private static final long DAY = 86_400_000L;

    /**
     * Items come in pairs (x, partner of x): each user takes a random popular-ish x, then its
     * partner. Only co-occurrence can tell the partner; popularity cannot.
     */
    private static ReplayLog pairs() {
        Random random = new Random(1);
        List<LoggedEvent> events = new ArrayList<>();
        long t = 0;
        for (int u = 0; u < 1500; u++) {
            int pair = random.nextInt(40);
            events.add(new LoggedEvent("u" + u, "x" + pair, "VIEW", Double.NaN, t += 1000));
            events.add(new LoggedEvent("u" + u, "noise" + random.nextInt(200), "VIEW", Double.NaN, t += 1000));
            events.add(new LoggedEvent("u" + u, "y" + pair, "VIEW", Double.NaN, t += 1000));
        }
        return new ReplayLog(events);
    }

    /** Popularity moves: each 60-day era has its own hit items, so only decayed counts follow it. */
    private static ReplayLog drifting() {
        Random random = new Random(2);
        List<LoggedEvent> events = new ArrayList<>();
        for (int e = 0; e < 6000; e++) {
            long t = e * (300 * DAY / 6000);
            int era = (int) (t / (60 * DAY));
            String item = random.nextInt(10) < 8 ? "hit" + era + "-" + random.nextInt(5) : "tail" + random.nextInt(500);
            events.add(new LoggedEvent("u" + random.nextInt(1500), item, "VIEW", Double.NaN, t));
        }
        return new ReplayLog(events);
    }

    private static double hr20(ReplayLog log, ReplayModel model) {
        return new Prequential(log, List.of()).run(model, false, n -> {}).board(Prequential.ALL).hr20();
    }

    @Test
    void itemKnnFindsPlantedPartnersThatPopularityCannot() {
        ReplayLog log = pairs();
        double knn = hr20(log, new ItemKnnModel(log, 5));
        double pop = hr20(log, new PopModel(log));
        assertThat(knn).isGreaterThan(0.45).isGreaterThan(pop + 0.2);
    }

    @Test
    void streamrecFindsPlantedPartnersToo() {
        ReplayLog log = pairs();
        double streamrec = hr20(log, new StreamrecModel(log, ModelParams.defaults(), EventWeights.defaults(), List.of(), 7));
        double pop = hr20(log, new PopModel(log));
        assertThat(streamrec).isGreaterThan(pop + 0.2);
    }

    @Test
    void recentPopularityFollowsDriftThatAllTimeCountsMiss() {
        ReplayLog log = drifting();
        double recent = hr20(log, new RecentPopModel(log, RecentPopModel.DEFAULT_HALF_LIFE_MS));
        double pop = hr20(log, new PopModel(log));
        assertThat(recent).isGreaterThan(pop + 0.1);
    }

    @Test
    void isgdLearnsAPlantedTwoCommunityStructure() {
        // Two disjoint communities with their own catalogues: a user's vector must point at theirs.
        Random random = new Random(3);
        List<LoggedEvent> events = new ArrayList<>();
        for (int e = 0; e < 20000; e++) {
            int user = random.nextInt(300);
            String item = (user % 2 == 0 ? "even" : "odd") + random.nextInt(60);
            events.add(new LoggedEvent("u" + user, item, "VIEW", Double.NaN, e));
        }
        ReplayLog log = new ReplayLog(events);
        double isgd = hr20(log, new IsgdModel(log, 10, 0.05f, 0.01f, 42));
        double pop = hr20(log, new PopModel(log));
        assertThat(isgd).isGreaterThan(pop);
    }

    @Test
    void isgdUpdatesTheUserFirstAndTheItemWithTheNewUserVector() {
        ReplayLog log = new ReplayLog(List.of(new LoggedEvent("u", "i", "VIEW", Double.NaN, 1)));
        int k = 4;
        float lr = 0.05f;
        float reg = 0.01f;
        IsgdModel model = new IsgdModel(log, k, lr, reg, 42);
        // The same start vectors the model draws: the user's first, then the item's.
        Random random = new Random(42);
        float[] u = new float[k];
        float[] v = new float[k];
        for (int d = 0; d < k; d++) {
            u[d] = (float) (random.nextGaussian() * 0.1);
        }
        for (int d = 0; d < k; d++) {
            v[d] = (float) (random.nextGaussian() * 0.1);
        }
        float dot = 0;
        for (int d = 0; d < k; d++) {
            dot += u[d] * v[d];
        }
        float err = 1f - dot;
        for (int d = 0; d < k; d++) {
            u[d] += lr * (err * v[d] - reg * u[d]);
        }
        for (int d = 0; d < k; d++) {
            v[d] += lr * (err * u[d] - reg * v[d]);
        }

        model.learn(0, 0, log.event(0), true);

        assertThat(model.userVector(0)).containsExactly(u);
        assertThat(model.itemVector(0)).as("the item step uses the user vector after its own step").containsExactly(v);
    }

    @Test
    void itemKnnScoresThatDifferOnlyInSummationOrderTieAndFallBackToPopularity() {
        // Every item has 10 distinct users when "me" asks, so each similarity is co / 10. "a" sums
        // 0.1 + 0.2 + 0.3 (0.6000000000000001 in doubles) and "b" 0.3 + 0.2 + 0.1 (0.6): equal scores,
        // so the more popular "b" must come first.
        List<LoggedEvent> events = new ArrayList<>();
        long[] t = {0};
        java.util.function.BiConsumer<String, String> add = (user, item) ->
                events.add(new LoggedEvent(user, item, "VIEW", Double.NaN, t[0]++));
        int[][] co = {{1, 2, 3}, {3, 2, 1}};
        String[] candidates = {"a", "b"};
        int[] usersOfR = new int[3];
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < 3; r++) {
                for (int n = 0; n < co[c][r]; n++) {
                    String user = candidates[c] + "-r" + r + "-" + n;
                    add.accept(user, candidates[c]);
                    add.accept(user, "r" + r);
                    usersOfR[r]++;
                }
            }
            for (int n = 6; n < 10; n++) {
                add.accept(candidates[c] + "-alone-" + n, candidates[c]);
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int n = usersOfR[r]; n < 9; n++) {
                add.accept("r" + r + "-alone-" + n, "r" + r);
            }
        }
        add.accept("b-alone-6", "b");
        add.accept("b-alone-6", "b");
        // Newest first, "me" has r0, r1, r2: a's sum runs 0.1, 0.2, 0.3 and b's 0.3, 0.2, 0.1.
        add.accept("me", "r2");
        add.accept("me", "r1");
        add.accept("me", "r0");
        ReplayLog log = new ReplayLog(events);
        ItemKnnModel model = new ItemKnnModel(log, 5);
        java.util.Map<Integer, java.util.BitSet> seen = new java.util.HashMap<>();
        for (int e = 0; e < log.size(); e++) {
            java.util.BitSet had = seen.computeIfAbsent(log.user(e), u -> new java.util.BitSet());
            model.learn(log.user(e), log.item(e), log.event(e), !had.get(log.item(e)));
            had.set(log.item(e));
        }
        assertThat(0.1 + 0.2 + 0.3).as("the planted sums differ unrounded").isNotEqualTo(0.3 + 0.2 + 0.1);

        int[] list = model.recommend(log.users().find("me"), 2, t[0]);

        assertThat(list).containsExactly(log.items().find("b"), log.items().find("a"));
    }
}
