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

/** {@code streamrec evaluate --group-col} through the command line the jar runs: baskets in, basket figures out. */
class EvaluateGroupedTest {
    @TempDir
    Path dir;

    private static EvaluateRun evaluate(String... args) {
        return EvaluateRun.of(args);
    }

    /** A shop's invoice lines, as the retail log has them: invoice,user,item,time, every line of an invoice at one time. */
    private Path invoices() throws IOException {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>(List.of("invoice,user,item,time"));
        for (int invoice = 0; invoice < 300; invoice++) {
            int user = random.nextInt(40);
            int lines0 = 2 + random.nextInt(6);
            for (int l = 0; l < lines0; l++) {
                // Two ranges of items, by user, so a basket says something about the next.
                lines.add("inv" + invoice + "," + user + ",i" + ((user % 2) * 30 + random.nextInt(30)) + ","
                        + invoice * 60);
            }
        }
        return Files.write(dir.resolve("invoices.csv"), lines);
    }

    private JsonNode results(String out) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("results.json").toFile());
    }

    @Test
    void groupedRunsReportBasketsBesideLinesInTheTableResultsJsonAndReport() throws IOException {
        EvaluateRun grouped = evaluate("--input", invoices().toString(), "--format", "csv", "--header", "--time-col",
                "time", "--group-col", "invoice", "--models", "streamrec,POP,ITEM-KNN", "--output",
                dir.resolve("g").toString());

        assertThat(grouped.exit()).isZero();
        JsonNode root = results("g");
        assertThat(root.path("grouping").path("column").asText()).isEqualTo("invoice");
        assertThat(root.path("grouping").path("groups").asInt()).isEqualTo(300);
        for (JsonNode model : root.path("models")) {
            JsonNode baskets = model.path("baskets");
            for (String field : List.of("hr10", "hr20", "mrr20", "evaluated", "first_half", "second_half")) {
                assertThat(baskets.has(field)).as(model.path("name").asText() + " baskets." + field).isTrue();
            }
            assertThat(baskets.path("evaluated").asInt()).isPositive().isLessThan(300)
                    .isLessThan(model.path("evaluated").asInt());
            assertThat(baskets.path("first_half").path("evaluated").asInt()
                    + baskets.path("second_half").path("evaluated").asInt())
                    .isEqualTo(baskets.path("evaluated").asInt());
        }
        assertThat(grouped.out()).contains("per line (the lines of one invoice tested together)")
                .contains("Per basket (invoice, 300 groups)");
        String html = Files.readString(dir.resolve("g").resolve("report.html"));
        assertThat(html).contains("<h2>Per basket</h2>").contains("<code>invoice</code>")
                .contains("HR@20 2nd half").contains("cold-item HR@20");

        EvaluateRun lines = evaluate("--input", invoices().toString(), "--format", "csv", "--header", "--time-col",
                "time", "--models", "streamrec,POP,ITEM-KNN", "--output", dir.resolve("l").toString());
        assertThat(lines.exit()).isZero();
        assertThat(results("l").has("grouping")).isFalse();
        assertThat(results("l").path("models").get(0).has("baskets")).isFalse();
        assertThat(lines.out()).doesNotContain("Per basket");
        assertThat(Files.readString(dir.resolve("l").resolve("report.html"))).doesNotContain("Per basket")
                .contains("HR@20 1st half");
        assertThat(results("l").path("models").get(0).path("cold_events").asInt())
                .as("only a user's first line is cold when lines are tested one by one")
                .isLessThan(results("g").path("models").get(0).path("cold_events").asInt());
    }

    @Test
    void aJsonlLogNamesItsBasketFieldAndALineWithoutItStopsOnOneLine() throws IOException {
        Path log = Files.writeString(dir.resolve("shop.jsonl"), """
                {"user":"u1","item":"a","timestamp":1000,"basket":7}
                {"user":"u1","item":"b","timestamp":1000,"basket":7}
                {"user":"u2","item":"a","timestamp":2000,"basket":8}
                {"user":"u1","item":"c","timestamp":3000,"basket":9}
                {"user":"u1","item":"d","timestamp":3000,"basket":9}
                """);
        EvaluateRun ok = evaluate("--input", log.toString(), "--format", "jsonl", "--group-col", "basket", "--models",
                "POP", "--output", dir.resolve("j").toString());
        assertThat(ok.exit()).isZero();
        assertThat(results("j").path("grouping").path("groups").asInt()).isEqualTo(3);
        assertThat(results("j").path("models").get(0).path("baskets").path("evaluated").asInt()).isEqualTo(1);

        EvaluateRun missing = evaluate("--input", log.toString(), "--format", "jsonl", "--group-col", "invoice",
                "--models", "POP", "--output", dir.resolve("k").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("shop.jsonl line 1")
                .contains("invoice").contains("--group-col");
    }

    @Test
    void aMovieLensLogHasNoBasketsAndAMissingColumnIsNamed() throws IOException {
        Path ratings = Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,1\n");
        EvaluateRun movielens = evaluate("--input", ratings.toString(), "--format", "movielens", "--group-col", "0",
                "--output", dir.resolve("m").toString());
        assertThat(movielens.exit()).isEqualTo(2);
        assertThat(movielens.errLines()).singleElement().asString().contains("--group-col").contains("movielens");

        EvaluateRun missing = evaluate("--input", invoices().toString(), "--format", "csv", "--header", "--time-col",
                "time", "--group-col", "basket", "--models", "POP", "--output", dir.resolve("n").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString()
                .isEqualTo("evaluate: --group-col 'basket' is neither a header name [invoice, user, item, time] "
                        + "nor a 0-based index");
    }
}
