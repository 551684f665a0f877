package io.streamrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line of `consume` is the HTTP lookup's document; a deleted user is said so. */
class ListJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aListIsOneLineInTheLookupsShapeWithTimesInEpochMilliseconds() throws Exception {
        Recommendations list = Recommendations.newBuilder().setUser("u1")
                .setItems(List.of(new RecommendedItem("i9", 0.75, "because you viewed i2", "embedding")))
                .setPersonalized(true).setModelVersion("v").setGeneratedAt(Instant.ofEpochMilli(2000))
                .setLastEventTimestamp(Instant.ofEpochMilli(1000)).setLastEventPartition(3).setLastEventOffset(41)
                .setEventsSeen(7).build();
        String line = ListJson.line("u1", list);

        assertThat(line).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.fieldNames()).toIterable().containsExactly("user", "personalized", "items", "modelVersion",
                "generatedAt", "lastEventTimestamp", "lastEventPartition", "lastEventOffset", "eventsSeen");
        assertThat(json.path("items").get(0).toString())
                .isEqualTo("{\"item\":\"i9\",\"score\":0.75,\"reason\":\"because you viewed i2\",\"source\":\"embedding\"}");
        assertThat(json.path("generatedAt").asLong()).isEqualTo(2000);
        assertThat(json.path("lastEventOffset").asLong()).isEqualTo(41);
    }

    @Test
    void aTombstoneSaysTheUserWasDeleted() {
        assertThat(ListJson.line("gone", null)).isEqualTo("{\"user\":\"gone\",\"deleted\":true}");
    }
}
