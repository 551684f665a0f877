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
}
