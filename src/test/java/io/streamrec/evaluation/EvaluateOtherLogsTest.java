package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamrec evaluate} on logs a new user brings, through the command line the jar runs:
 * their own event types, other catalogue layouts and encodings, bad lines, text dates, baseline
 * settings, and output that is not a terminal.
 */
class EvaluateOtherLogsTest {
    @TempDir
    Path dir;

    private static EvaluateRun evaluate(String... args) {
        return EvaluateRun.of(args);
    }

    /** A travel site's log: users search for hotels and book some, in its own words for the types. */
    private Path travelLog() throws IOException {
        Random random = new Random(11);
        List<String> lines = new ArrayList<>(List.of("traveller,hotel,action,ts"));
        for (int e = 0; e < 1500; e++) {
            int user = random.nextInt(60);
            // Two communities of hotels, so what a user did says what they do next.
            String hotel = "h" + ((user % 2) * 20 + random.nextInt(20));
            lines.add("t" + user + "," + hotel + "," + (random.nextInt(5) == 0 ? "book" : "search") + "," + e);
        }
        return Files.write(dir.resolve("travel.csv"), lines);
    }

    private String[] travelArgs(String out, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--input", travelLog().toString(), "--format", "csv", "--header",
                "--user-col", "traveller", "--item-col", "hotel", "--time-col", "ts", "--type-col", "action",
                "--models", "streamrec,POP", "--output", dir.resolve(out).toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private JsonNode results(String out) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("results.json").toFile());
    }

    private JsonNode params(String out, String model) throws IOException {
        for (JsonNode m : results(out).path("models")) {
            if (m.path("name").asText().equals(model)) {
                return m.path("params");
            }
        }
        throw new AssertionError(model + " is not in " + out + "/results.json");
    }

    @Test
    void eventTypesOutsideTheBuiltInNamesLearnWithWeightOneAndTheCommandSaysSoOnce() throws IOException {
        EvaluateRun own = evaluate(travelArgs("own"));
        EvaluateRun weighted = evaluate(travelArgs("weighted", "--weight", "book=1", "--weight", "search=1"));

        assertThat(own.exit()).isZero();
        List<String> warnings = own.errLines().stream().filter(l -> l.contains("weight 1")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("BOOK, SEARCH").contains("--weight");
        assertThat(weighted.err()).as("nothing to say when every type has a weight").doesNotContain("weight 1");
        double streamrec = results("own").path("models").get(0).path("hr20").asDouble();
        assertThat(streamrec).as("the model learned from the log's own types").isGreaterThan(
                results("own").path("models").get(1).path("hr20").asDouble());
        assertThat(streamrec).isEqualTo(results("weighted").path("models").get(0).path("hr20").asDouble());
    }

    @Test
    void progressOffATerminalIsPlainLinesWithoutCarriageReturns() throws IOException {
        EvaluateRun outcome = evaluate(travelArgs("plain"));
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.err()).doesNotContain("\r");
        assertThat(outcome.errLines()).anyMatch(l -> l.startsWith("streamrec: 1,500 events replayed in"))
                .anyMatch(l -> l.startsWith("POP: 1,500 events replayed in"));
    }

    @Test
    void anMl100kItemFileInLatin1IsReadWithItsEncodingAndItsGenreFlags() throws IOException {
        Path log = Files.writeString(dir.resolve("u.data"),
                "1\t1\t5\t874965758\n2\t2\t3\t876893171\n1\t2\t4\t878542960\n"
                + "2\t1\t4\t876893119\n3\t1\t4\t889751712\n");
        String flags1 = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
        String flags2 = "|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0";
        Path items = dir.resolve("u.item");
        Files.write(items, ("1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)"
                + flags1 + "\n2|Misérables, Les (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Mis%E9rables"
                + flags2 + "\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(new CatalogueReader(StandardCharsets.ISO_8859_1, BadLines.stop()).read(items)).containsExactly(
                new CatalogueItem("1", "Toy Story (1995)", List.of("Animation", "Children's", "Comedy")),
                new CatalogueItem("2", "Misérables, Les (1995)", List.of("Action", "Adventure", "Thriller")));

        EvaluateRun asUtf8 = evaluate("--input", log.toString(), "--items", items.toString(), "--models", "POP",
                "--output", dir.resolve("a").toString());
        assertThat(asUtf8.exit()).isEqualTo(2);
        assertThat(asUtf8.errLines()).singleElement().asString().contains("u.item line 2: not UTF-8 text")
                .contains("--items-encoding");

        EvaluateRun asLatin1 = evaluate("--input", log.toString(), "--items", items.toString(), "--items-encoding",
                "ISO-8859-1", "--models", "POP", "--output", dir.resolve("b").toString());
        assertThat(asLatin1.exit()).isZero();
        assertThat(asLatin1.err()).doesNotContain("warning");
        assertThat(results("b").path("dataset").path("catalogueItems").asInt()).isEqualTo(2);
    }

    @Test
    void theCommonCatalogueLayoutsGiveTheSameItems() throws IOException {
        List<CatalogueItem> expected = List.of(new CatalogueItem("i1", "Red, Shoes", List.of("Shoes", "Red")),
                new CatalogueItem("i2", "Blue Hat", List.of("Hats")));
        CatalogueReader reader = new CatalogueReader();
        assertThat(reader.read(Files.writeString(dir.resolve("header.csv"),
                "item_id,name,categories\ni1,\"Red, Shoes\",Shoes|Red\ni2,Blue Hat,Hats\n"))).isEqualTo(expected);
        assertThat(reader.read(Files.writeString(dir.resolve("items.tsv"),
                "sku\ttitle\tgenres\ni1\tRed, Shoes\tShoes|Red\ni2\tBlue Hat\tHats\n"))).isEqualTo(expected);
        assertThat(reader.read(Files.writeString(dir.resolve("items.psv"),
                "i1|Red, Shoes|Shoes,Red\ni2|Blue Hat|Hats\n"))).isEqualTo(expected);
        assertThat(reader.read(Files.writeString(dir.resolve("items.jsonl"),
                "{\"id\":\"i1\",\"title\":\"Red, Shoes\",\"categories\":[\"Shoes\",\"Red\"]}\n"
                        + "{\"itemId\":\"i2\",\"name\":\"Blue Hat\",\"genres\":\"Hats\"}\n"))).isEqualTo(expected);
    }

    @Test
    void aCatalogueThatSharesNoIdWithTheLogIsWarnedAbout() throws IOException {
        Path items = Files.writeString(dir.resolve("products.csv"), "id,title\nP-1,One\nP-2,Two\n");
        EvaluateRun outcome = evaluate(travelArgs("w", "--items", items.toString()));
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.errLines()).filteredOn(l -> l.contains("warning")).singleElement().asString()
                .contains("none of the log's 40 items are in the catalogue").contains("'P-1'");
    }

    @Test
    void aMissingFileATruncatedLineAndAnotherJsonShapeEndInOneLineWithFileAndLine() throws IOException {
        EvaluateRun missing = evaluate("--input", dir.resolve("nope.csv").toString(), "--format", "csv", "--header",
                "--output", dir.resolve("m").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("no such file").contains("nope.csv");

        Path truncated = Files.writeString(dir.resolve("cut.csv"), "user,item,timestamp\nu1,i1,1\nu2,i2,2\nu1,i");
        EvaluateRun cut = evaluate("--input", truncated.toString(), "--format", "csv", "--header", "--models", "POP",
                "--output", dir.resolve("c").toString());
        assertThat(cut.exit()).isEqualTo(2);
        assertThat(cut.errLines()).singleElement().asString().contains("cut.csv line 4: 2 fields");

        Path otherShape = Files.writeString(dir.resolve("other.jsonl"),
                "{\"userId\":\"u1\",\"movieId\":\"i1\",\"ts\":1}\n{\"userId\":\"u2\",\"movieId\":\"i1\",\"ts\":2}\n");
        EvaluateRun shape = evaluate("--input", otherShape.toString(), "--format", "jsonl", "--models", "POP",
                "--output", dir.resolve("j").toString());
        assertThat(shape.exit()).isEqualTo(2);
        assertThat(shape.errLines()).singleElement().asString().contains("other.jsonl line 1")
                .contains("[userId, movieId, ts]").contains("--user-col");
        assertThat(shape.err()).doesNotContain("Exception").doesNotContain("\tat ");

        EvaluateRun named = evaluate("--input", otherShape.toString(), "--format", "jsonl", "--user-col", "userId",
                "--item-col", "movieId", "--time-col", "ts", "--models", "POP",
                "--output", dir.resolve("k").toString());
        assertThat(named.exit()).isZero();
        assertThat(results("k").path("dataset").path("events").asInt()).isEqualTo(2);
    }

    @Test
    void skipBadLinesCountsThemAndSaysSoOnce() throws IOException {
        Path log = Files.writeString(dir.resolve("bad.csv"),
                "user,item,timestamp\nu1,i1,1\nu2,i1,yesterday\nu2,i2,3\nu3\nu3,i1,5\nu1,i");
        EvaluateRun outcome = evaluate("--input", log.toString(), "--format", "csv", "--header", "--skip-bad-lines",
                "--models", "POP", "--output", dir.resolve("s").toString());
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.errLines()).filteredOn(l -> l.contains("skipped")).singleElement().asString()
                .contains("skipped 3 bad lines").contains("bad.csv line 3: time 'yesterday'");
        assertThat(results("s").path("dataset").path("events").asInt()).isEqualTo(3);
    }

    @Test
    void textTimesInIsoAndSqlLayoutsReadAsUtc() throws IOException {
        Path log = Files.writeString(dir.resolve("dates.csv"), "user,item,timestamp\n"
                + "u1,i1,2011-01-04 10:15:00\nu1,i2,2011-01-04T10:15:01Z\nu2,i1,2011-01-04T11:15:02+01:00\n"
                + "u2,i3,2011-01-04T10:15:03.5\nu3,i1,2011-01-05\nu3,i2,1294136103\n");
        List<LoggedEvent> events = new CsvLogReader(new CsvLogReader.Layout(',', true, "user", "item", "timestamp",
                CsvLogReader.TimeUnit.S, null, null, "VIEW")).read(log);
        long t = 1_294_136_100_000L; // 2011-01-04T10:15:00Z
        assertThat(events).extracting(LoggedEvent::timestamp)
                .containsExactly(t, t + 1000, t + 2000, t + 3500, 1_294_185_600_000L, t + 3000);
    }

    @Test
    void theBaselinesParametersAreSetWithSetAndUnknownOnesRefused() throws IOException {
        EvaluateRun set = evaluate(travelArgs("p", "--models", "ITEM-KNN,ISGD,RECENT-POP", "--set", "itemknn.window=2",
                "--set", "isgd.lr=0.1", "--set", "isgd.k=4", "--set", "recentpop.halflife=7"));
        assertThat(set.exit()).isZero();
        assertThat(params("p", "ITEM-KNN").path("recent_items").asInt()).isEqualTo(2);
        assertThat(params("p", "ISGD").path("k").asInt()).isEqualTo(4);
        assertThat(params("p", "ISGD").path("learning_rate").asDouble()).isCloseTo(0.1, within(1e-6));
        assertThat(params("p", "RECENT-POP").path("half_life_days").asDouble()).isEqualTo(7.0);

        EvaluateRun typo = evaluate(travelArgs("q", "--set", "itemknn.windw=2"));
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.errLines()).singleElement().asString().contains("itemknn.windw").contains("itemknn.window");
        EvaluateRun zero = evaluate(travelArgs("r", "--set", "isgd.lr=0"));
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.errLines()).singleElement().asString().contains("isgd.lr must be > 0");
    }
}
