package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateContentEncoderTest {
    @TempDir
    Path dir;

    /** 60 items in two genres with titles of their own words; users keep to one genre. */
    private String[] logAndCatalogue() throws IOException {
        List<String> catalogue = new ArrayList<>(List.of("movieId,title,genres"));
        for (int i = 0; i < 60; i++) {
            String world = i % 2 == 0 ? "Rocket Galaxy Orbit" : "Horse Meadow Barn";
            catalogue.add("i" + i + "," + world.split(" ")[i % 3] + " Tale " + i + " (199" + i % 10 + "),"
                    + (i % 2 == 0 ? "Sci-Fi" : "Western"));
        }
        Path items = Files.write(dir.resolve("items.csv"), catalogue);
        List<String> lines = new ArrayList<>(List.of("user,item,t"));
        for (int e = 0; e < 600; e++) {
            int user = e / 6;
            lines.add("u" + user + ",i" + ((user % 2) + 2 * ((e * 7 + user) % 30)) + "," + e);
        }
        Path log = Files.write(dir.resolve("log.csv"), lines);
        return new String[] {"--input", log.toString(), "--format", "csv", "--header", "--user-col", "user",
            "--item-col", "item", "--time-col", "t", "--items", items.toString(), "--models", "streamrec"};
    }

    @Test
    void evaluateTrainsTheContentAutoencoderOnTheCatalogueWhenItIsSet() throws IOException {
        Path out = dir.resolve("ae");
        EvaluateRun run = EvaluateRun.of(with(logAndCatalogue(), "--set", "streamrec.model.content.encoder=autoencoder",
                "--output", out.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Added differentiated op");
        JsonNode params = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("models").get(0)
                .path("params");
        assertThat(params.path("content_encoder").asText()).isEqualTo("autoencoder");
        assertThat(params.path("content_encoder_fits").asInt()).as("once, on the catalogue known up front").isOne();
    }

    @Test
    void byDefaultContentIsTfidfAndANonsenseEncoderIsAUsageError() throws IOException {
        Path out = dir.resolve("tfidf");
        EvaluateRun run = EvaluateRun.of(with(logAndCatalogue(), "--output", out.toString()));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode params = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("models").get(0)
                .path("params");
        assertThat(params.path("content_encoder").asText()).isEqualTo("tfidf");
        assertThat(params.has("content_encoder_fits")).isFalse();

        EvaluateRun nonsense = EvaluateRun.of(with(logAndCatalogue(), "--set", "streamrec.model.content.encoder=bert",
                "--output", dir.resolve("bad").toString()));
        assertThat(nonsense.exit()).isEqualTo(2);
        assertThat(nonsense.errLines()).hasSize(1).first().asString()
                .contains("streamrec.model.content.encoder must be tfidf, autoencoder or both, was 'bert'");
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
