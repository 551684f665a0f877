package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.model.sequence.SequenceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Gru4RecModelTest {
    private static final SequenceSettings SMALL = new SequenceSettings(16, 16, 4, 32, 64, 32, 2_000, 0.02, 64, 3);

    /** Users walk a chain of 60 items from a random start: what comes next is the item after the last one. */
    private static ReplayLog walks() {
        Random random = new Random(4);
        List<LoggedEvent> events = new ArrayList<>();
        long t = 0;
        for (int u = 0; u < 1200; u++) {
            int start = random.nextInt(60);
            for (int k = start; k < start + 5; k++) {
                events.add(new LoggedEvent("u" + u, "i" + k % 60, "VIEW", Double.NaN, t += 1000));
            }
        }
        return new ReplayLog(events);
    }

    @Test
    void trainedInEventTimeItFollowsAPlantedSequenceThatPopularityCannot() {
        ReplayLog log = walks();
        Scoreboard gru = new Prequential(log, List.of()).run(new Gru4RecModel(log, SMALL), false, n -> {})
                .board(Prequential.ALL);
        Scoreboard pop = new Prequential(log, List.of()).run(new PopModel(log), false, n -> {})
                .board(Prequential.ALL);
        assertThat(gru.hr20()).isGreaterThan(0.6).isGreaterThan(pop.hr20() + 0.2);
    }

    @Test
    void evaluateRunsItWhenNamedOnlyAndRecordsItsSettings(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("user,item,t"));
        for (int e = 0; e < 400; e++) {
            lines.add("u" + e / 5 + ",i" + (e / 5 + e % 5) % 40 + "," + e);
        }
        Path log = Files.write(dir.resolve("log.csv"), lines);
        EvaluateRun run = EvaluateRun.of("--input", log.toString(), "--format", "csv", "--header", "--user-col", "user",
                "--item-col", "item", "--time-col", "t", "--models", "gru4rec,POP", "--output", dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Added differentiated op");
        JsonNode gru = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).path("models").get(0);
        assertThat(gru.path("name").asText()).isEqualTo("GRU4REC");
        assertThat(gru.path("params").path("step_every").asInt()).isEqualTo(SequenceSettings.defaults().stepEvery());
        assertThat(gru.path("params").path("steps").asInt()).isEqualTo(400 / SequenceSettings.defaults().stepEvery());
        assertThat(Models.ALL).doesNotContain("GRU4REC");
    }

    @Test
    void itNeverListsAnItemTheUserHadAndKeepsTheLastItemsOldestFirst() {
        ReplayLog log = walks();
        Gru4RecModel model = new Gru4RecModel(log, new SequenceSettings(8, 8, 4, 16, 32, 500, 2_000, 0.02, 64, 3));
        for (int e = 0; e < 2_000; e++) {
            model.learn(log.user(e), log.item(e), log.event(e), true);
        }
        int user = log.user(1_999);
        int[] recent = model.recentItems(user);
        assertThat(recent).hasSize(4);
        assertThat(recent[3]).isEqualTo(log.item(1_999));
        assertThat(recent[0]).isEqualTo(log.item(1_996));
        for (int item : model.recommend(user, 20, 0)) {
            assertThat(recent).doesNotContain(item);
            assertThat(item).isNotEqualTo(log.item(1_995));
        }
    }
}
