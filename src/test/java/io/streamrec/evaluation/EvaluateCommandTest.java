package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    /** A small typed log: views, and a purchase after some of them. */
    private Path typedLog() throws IOException {
        Random random = new Random(5);
        List<String> lines = new ArrayList<>();
        lines.add("user;item;type;t");
        for (int e = 0; e < 600; e++) {
            String user = "u" + random.nextInt(40);
            String item = "i" + random.nextInt(30);
            lines.add(user + ";" + item + ";view;" + e);
            if (random.nextInt(4) == 0) {
                lines.add(user + ";" + item + ";purchase;" + e + ".5");
            }
        }
        return Files.write(dir.resolve("log.csv"), lines);
    }

    private int run(String... args) {
        return new CommandLine(new EvaluateCommand()).execute(args);
    }

    @Test
    void writesResultsJsonInTheAgreedShapeAndAReportWithAChart() throws IOException {
        Path out = dir.resolve("out");
        int exit = run("--input", typedLog().toString(), "--format", "csv", "--sep", ";", "--header",
                "--user-col", "user", "--item-col", "item", "--time-col", "t", "--type-col", "type",
                "--target", "purchase", "--output", out.toString());

        assertThat(exit).isZero();
        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(root.path("dataset").path("sha256").asText()).hasSize(64);
        JsonNode models = root.path("models");
        assertThat(models).hasSize(5);
        JsonNode first = models.get(0);
        assertThat(first.path("name").asText()).isEqualTo("streamrec");
        assertThat(first.path("default").asBoolean()).isTrue();
        for (String field : List.of("hr10", "hr20", "mrr20", "coverage20", "evaluated", "cold_hr20",
                "events_per_s", "params")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(models.get(1).path("default").asBoolean()).isFalse();
        JsonNode purchase = root.path("targets").get(0);
        assertThat(purchase.path("target").asText()).isEqualTo("PURCHASE");
        assertThat(purchase.path("models")).hasSize(5);
        assertThat(purchase.path("models").get(0).path("evaluated").asInt())
                .isLessThan(first.path("evaluated").asInt());

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg").contains("<polyline").doesNotContain("<script");
    }

    @Test
    void holdoutReportsPrecisionRecallAndF1() throws IOException {
        Path out = dir.resolve("holdout");
        int exit = run("--input", typedLog().toString(), "--format", "csv", "--sep", ";", "--header",
                "--user-col", "0", "--item-col", "1", "--time-col", "3", "--protocol", "holdout",
                "--models", "POP,ITEM-KNN", "--output", out.toString());

        assertThat(exit).isZero();
        JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(root.path("protocol").asText()).isEqualTo("holdout");
        assertThat(root.path("models").get(0).has("precision10")).isTrue();
        assertThat(root.path("models").get(0).path("users").asInt()).isPositive();
    }

    @Test
    void modelSettingsAndCatalogueArrivalReachTheReplay() throws IOException {
        Path log = typedLog();
        Path items = dir.resolve("items.csv");
        List<String> catalogue = new ArrayList<>(List.of("movieId,title,genres"));
        for (int i = 0; i < 30; i++) {
            catalogue.add("i" + i + ",Item " + i + " (199" + (i % 10) + ")," + (i % 2 == 0 ? "Even" : "Odd"));
        }
        Files.write(items, catalogue);
        Path tags = Files.write(dir.resolve("tags.csv"), List.of("userId,movieId,tag,timestamp", "u1,i3,funny,1",
                "u2,i4,dark,2", "u3,i3,Funny,3"));
        Path out = dir.resolve("set");
        int exit = run("--input", log.toString(), "--format", "csv", "--sep", ";", "--header", "--user-col", "user",
                "--item-col", "item", "--time-col", "t", "--type-col", "type", "--items", items.toString(),
                "--tags", tags.toString(), "--models", "streamrec", "--set", "streamrec.fusion.adaptive=true", "--set",
                "streamrec.blend.content=0.7", "--items-arrive", "first-event", "--output", out.toString());

        assertThat(exit).isZero();
        JsonNode model = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("models").get(0);
        assertThat(model.path("params").path("model").asText()).contains("contentWeight=0.7")
                .contains("fusionAdaptive=true");
        assertThat(model.path("params").path("catalogue_arrival").asText()).isEqualTo("first_event");
        assertThat(model.path("params").path("catalogue_tags").asInt()).isEqualTo(3);
        assertThat(model.path("params").path("final_blend_weights").asText())
                .as("adaptive weights moved away from the configured 0.5").doesNotContain("[0.5, 0.5,");
        assertThat(model.path("cold_items").path("all").path("evaluated").asInt()).isPositive();
    }

    @Test
    void aSettingThatIsNotAModelKeyIsAUsageError() throws IOException {
        String log = typedLog().toString();
        String[] valid = {"--input", log, "--format", "csv", "--sep", ";", "--header", "--user-col", "user",
            "--item-col", "item", "--time-col", "t", "--models", "POP", "--output", dir.resolve("x").toString()};
        assertThat(run(valid)).isZero();
        assertThat(run(with(valid, "--set", "streamrec.blend.contnet=1"))).isEqualTo(2);
        assertThat(run(with(valid, "--set", "streamrec.http.port=1"))).isEqualTo(2);
        assertThat(run(with(valid, "--set", "streamrec.blend.content=-1"))).isEqualTo(2);
        assertThat(run(with(valid, "--items-arrive", "later"))).isEqualTo(2);
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anUnknownModelIsAUsageError() throws IOException {
        assertThat(run("--input", typedLog().toString(), "--format", "csv", "--header", "--models", "nope",
                "--output", dir.resolve("x").toString())).isNotZero();
    }

    @Test
    void diversityOptionsAreRecordedWithTheResultsAndValidated() throws IOException {
        Path out = dir.resolve("diverse");
        int exit = run("--input", typedLog().toString(), "--format", "csv", "--sep", ";", "--header",
                "--time-col", "t", "--models", "streamrec", "--diversity", "0.4", "--max-per-category", "2", "--output", out.toString());
        assertThat(exit).isZero();
        JsonNode params = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("models").get(0)
                .path("params");
        assertThat(params.path("diversity").asDouble()).isEqualTo(0.4);
        assertThat(params.path("max_per_category").asInt()).isEqualTo(2);
        assertThat(run("--input", typedLog().toString(), "--format", "csv", "--header", "--diversity", "1.5",
                "--output", dir.resolve("y").toString())).as("diversity outside 0..1").isEqualTo(2);
    }
}
