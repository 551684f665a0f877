package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamrec.model.EventWeights;
import io.streamrec.model.ModelParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures on MovieLens latest-small (../shared/data, never copied into the repo): the
 * baselines must match the independent reference within 5%, and streamrec must meet its targets.
 * Skipped when the data folder is absent. About a minute on 2 cores.
 */
class RealDataTest {
    private static final Path DATA = Path.of("..", "shared", "data", "ml-latest-small");
    private static ReplayLog log;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("ratings.csv")), "../shared/data is absent");
        log = new ReplayLog(new MovieLensReader().readSorted(DATA.resolve("ratings.csv")));
    }

    private static Scoreboard replay(ReplayModel model) {
        return new Prequential(log, List.of()).run(model, false, n -> {}).board(Prequential.ALL);
    }

    @Test
    void popularityBaselinesMatchTheReference() {
        Scoreboard pop = replay(new PopModel(log));
        Scoreboard recent = replay(new RecentPopModel(log, RecentPopModel.DEFAULT_HALF_LIFE_MS));

        assertThat(pop.evaluated()).isEqualTo(100_226);
        assertThat(pop.hr20()).isCloseTo(0.0751, within(0.0751 * 0.05));
        assertThat(pop.coldHr20()).isCloseTo(0.290, within(0.290 * 0.05));
        assertThat(recent.hr20()).isCloseTo(0.0790, within(0.0790 * 0.05));
    }

    @Test
    void itemKnnMatchesTheReference() {
        assertThat(replay(new ItemKnnModel(log, 5)).hr20()).isCloseTo(0.1289, within(0.1289 * 0.05));
    }

    @Test
    void isgdMatchesTheReference() {
        // The reference updates the user first and the item with the new user vector, as the paper does.
        Scoreboard isgd = replay(new IsgdModel(log, 10, 0.05f, 0.01f, Models.SEED));
        assertThat(isgd.hr20()).isCloseTo(0.0612, within(0.0612 * 0.05));
        assertThat(isgd.mrr20()).isCloseTo(0.0129, within(0.0129 * 0.05));
    }

    @Test
    void streamrecMeetsItsTargets() throws IOException {
        List<CatalogueItem> catalogue = new CatalogueReader().read(DATA.resolve("movies.csv"));
        Scoreboard streamrec = replay(new StreamrecModel(log, ModelParams.defaults(), EventWeights.defaults(),
                catalogue, Models.SEED));

        assertThat(streamrec.hr20()).isGreaterThanOrEqualTo(0.160);
        assertThat(streamrec.mrr20()).isGreaterThanOrEqualTo(0.040);
        assertThat(streamrec.coldHr20()).isGreaterThanOrEqualTo(replay(new PopModel(log)).coldHr20());
    }
}
