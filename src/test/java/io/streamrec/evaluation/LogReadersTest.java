package io.streamrec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReadersTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void movieLensRatingsCsvWithHeaderIsRatingsInSecondsSortedStably() throws IOException {
        Path ratings = file("ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.5,20\n2,11,3.0,10\n1,12,5.0,10\n");
        List<LoggedEvent> events = new MovieLensReader().readSorted(ratings);
        assertThat(events).containsExactly(
                new LoggedEvent("2", "11", "RATING", 3.0, 10_000),
                new LoggedEvent("1", "12", "RATING", 5.0, 10_000),
                new LoggedEvent("1", "10", "RATING", 4.5, 20_000));
    }

    @Test
    void movieLensUDataIsTabSeparatedWithoutHeader() throws IOException {
        Path udata = file("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
        assertThat(new MovieLensReader().read(udata)).containsExactly(
                new LoggedEvent("196", "242", "RATING", 3.0, 881_250_949_000L),
                new LoggedEvent("186", "302", "RATING", 3.0, 891_717_742_000L));
    }

    @Test
    void csvByHeaderNamesWithTypesValuesAndFractionalSeconds() throws IOException {
        Path log = file("log.tsv", "ts\tvisitor\tevent\tproduct\tprice\n1.5\tv1\tpurchase\tp9\t19.99\n0.25\tv2\tview\tp1\t\n");
        CsvLogReader reader = new CsvLogReader(new CsvLogReader.Layout(CsvSplitter.separator("tab"), true,
                "visitor", "product", "ts", CsvLogReader.TimeUnit.parse("s"), "event", "price", "VIEW"));
        List<LoggedEvent> events = reader.readSorted(log);
        assertThat(events.get(0)).isEqualTo(new LoggedEvent("v2", "p1", "VIEW", Double.NaN, 250));
        assertThat(events.get(1)).isEqualTo(new LoggedEvent("v1", "p9", "PURCHASE", 19.99, 1500));
    }

    @Test
    void csvByIndexWithMillisecondsAndQuotedFields() throws IOException {
        Path log = file("log.csv", "\"a,b\",i1,1000\nu2,\"i \"\"2\"\"\",999\n");
        CsvLogReader reader = new CsvLogReader(new CsvLogReader.Layout(CsvSplitter.separator(","), false,
                "0", "1", "2", CsvLogReader.TimeUnit.parse("ms"), null, null, "VIEW"));
        assertThat(reader.readSorted(log)).containsExactly(
                new LoggedEvent("u2", "i \"2\"", "VIEW", Double.NaN, 999),
                new LoggedEvent("a,b", "i1", "VIEW", Double.NaN, 1000));
    }

    @Test
    void csvSeparatorSpellings() {
        assertThat(CsvSplitter.separator("\\t")).isEqualTo('\t');
        assertThat(CsvSplitter.separator("TAB")).isEqualTo('\t');
        assertThat(CsvSplitter.separator(";")).isEqualTo(';');
        assertThatThrownBy(() -> CsvSplitter.separator("::")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvNamesAnUnknownColumn() throws IOException {
        Path log = file("log.csv", "user,item,time\nu,i,1\n");
        CsvLogReader reader = new CsvLogReader(new CsvLogReader.Layout(',', true, "user", "item", "timestamp",
                CsvLogReader.TimeUnit.S, null, null, "VIEW"));
        assertThatThrownBy(() -> reader.read(log)).hasMessageContaining("timestamp");
    }

    @Test
    void jsonlInteractions() throws IOException {
        Path log = file("log.jsonl", """
                {"user":"u1","item":"i1","type":"purchase","value":2.0,"timestamp":2000}
                {"user":"u2","item":"i2","timestamp":1000}
                """);
        assertThat(new JsonlLogReader().readSorted(log)).containsExactly(
                new LoggedEvent("u2", "i2", "VIEW", Double.NaN, 1000),
                new LoggedEvent("u1", "i1", "PURCHASE", 2.0, 2000));
    }

    @Test
    void eCommerceSpellingsOfEventTypesMapToTheProductsTypes() {
        assertThat(EventTypes.canonical("addtocart")).isEqualTo("ADD_TO_CART");
        assertThat(EventTypes.canonical("add-to-cart")).isEqualTo("ADD_TO_CART");
        assertThat(EventTypes.canonical("transaction")).isEqualTo("PURCHASE");
        assertThat(EventTypes.canonical(" view ")).isEqualTo("VIEW");
        assertThat(EventTypes.canonical("wishlist")).isEqualTo("WISHLIST");
    }

    @Test
    void catalogueInTheMoviesCsvLayout() throws IOException {
        Path movies = file("movies.csv", "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n"
                + "11,\"American President, The (1995)\",Comedy\n2,Nothing,(no genres listed)\n");
        assertThat(new CatalogueReader().read(movies)).containsExactly(
                new CatalogueItem("1", "Toy Story (1995)", List.of("Adventure", "Animation")),
                new CatalogueItem("11", "American President, The (1995)", List.of("Comedy")),
                new CatalogueItem("2", "Nothing", List.of()));
    }
}
