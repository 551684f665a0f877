package io.streamrec.it;

import static io.streamrec.it.ItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Recommendations;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.SingleInstance;
import io.streamrec.it.ItSupport.TopicReader;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and users over HTTP, through a real broker and instance: an item put, changed
 * and deleted with {@code /v1/items/{id}}, events posted as a batch (all or nothing), and a user
 * erased with {@code DELETE /v1/users/{id}} from every store and the recommendations topic.
 */
class CatalogueAndErasureTest {
    private static final Http http = new Http();
    private static SingleInstance instance;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        instance = SingleInstance.start("cat.", "streamrec-cat", Map.of());
        api = instance.api();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void anItemPutOverHttpIsServedChangedAndDeleted() {
        Answer put = http.put(api + "/v1/items/cat-book-1",
                "{\"title\": \"Dune\", \"categories\": [\"books\"], \"tags\": [\"space\"], \"price\": 9.5}");
        assertThat(put.status()).as(put.body().toString()).isEqualTo(202);
        assertThat(put.body().get("topic").asText()).isEqualTo(instance.topics().items());
        assertThat(put.header("Content-Type")).startsWith("application/json");

        Answer served = await("the item in the index", () -> http.get(api + "/v1/items/cat-book-1"),
                answer -> answer.status() == 200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(served.body().get("title").asText()).isEqualTo("Dune");
        assertThat(served.body().get("categories").get(0).asText()).isEqualTo("books");
        assertThat(served.body().get("available").asBoolean()).isTrue();
        assertThat(served.body().get("price").asDouble()).isEqualTo(9.5);

        assertThat(http.put(api + "/v1/items/cat-book-1", "{\"title\": \"Dune\", \"available\": false}").status())
                .isEqualTo(202);
        await("the item unavailable", () -> http.get(api + "/v1/items/cat-book-1").body(),
                body -> !body.path("available").asBoolean(true));

        Answer typo = http.put(api + "/v1/items/cat-book-1", "{\"titel\": \"Dune\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().get("error").asText()).contains("unknown field [titel]");
        Answer otherId = http.put(api + "/v1/items/cat-book-1", "{\"id\": \"cat-book-2\"}");
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(otherId.body().get("error").asText()).contains("must be the id in the path");

        assertThat(http.delete(api + "/v1/items/cat-book-1").status()).isEqualTo(202);
        Answer gone = await("the item gone from the index", () -> http.get(api + "/v1/items/cat-book-1"),
                answer -> answer.status() == 404);
        assertThat(gone.header("Content-Type")).startsWith("application/json");
        assertThat(gone.body().get("error").asText()).startsWith("unknown item cat-book-1");
    }

    @Test
    void aBatchIsPublishedWholeOrNotAtAllAndAnErasedUserLeavesEveryStore() {
        // More items than the user will have seen: a list with nothing left to show is never published.
        for (int n = 0; n < 6; n++) {
            assertThat(http.put(api + "/v1/items/cat-item-" + n, "{\"categories\": [\"c\"]}").status()).isEqualTo(202);
        }
        String user = "cat-erase-me";
        Answer batch = http.post(api + "/v1/events", "[" + event(user, "cat-item-0") + "," + event(user, "cat-item-1")
                + "," + event(user, "cat-item-2") + "]");
        assertThat(batch.status()).as(batch.body().toString()).isEqualTo(202);
        assertThat(batch.body().get("events")).hasSize(3);
        long partition = batch.body().get("events").get(0).get("partition").asLong();
        batch.body().get("events").forEach(landed -> assertThat(landed.get("partition").asLong())
                .as("one user's events share a partition").isEqualTo(partition));
        String lastId = batch.body().get("events").get(2).get("id").asText();

        Answer invalid = http.post(api + "/v1/events", "[" + event(user, "cat-item-0") + ","
                + "{\"user\":\"" + user + "\",\"item\":\"cat-item-1\",\"type\":\"TELEPORT\"}]");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("error").asText()).startsWith("events[1]: type must be one of");

        Answer list = http.get(api + "/v1/users/" + user + "/recommendations?after=" + lastId + "&waitMs=5000");
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        assertThat(list.body().get("personalized").asBoolean()).isTrue();
        assertThat(list.body().get("eventsSeen").asLong()).as("the refused batch published nothing").isEqualTo(3);

        try (TopicReader<Recommendations> lists = new TopicReader<>(instance.kafka().bootstrapServers(),
                instance.topics().recommendations(), AvroSerdes.RECOMMENDATIONS)) {
            Answer erased = http.delete(api + "/v1/users/" + user);
            assertThat(erased.status()).as(erased.body().toString()).isEqualTo(202);
            assertThat(erased.body().get("topic").asText()).isEqualTo(instance.topics().interactions());
            assertThat(erased.body().get("partition").asLong()).as("after the user's events").isEqualTo(partition);
            ConsumerRecord<String, Recommendations> tombstone = lists.await("the list's tombstone",
                    record -> record.key().equals(user) && record.value() == null);
            assertThat(tombstone).isNotNull();
        }
        await("the user's state gone", () -> http.get(api + "/v1/internal/users/" + user + "/state"),
                answer -> answer.status() == 404);
        Answer after = http.get(api + "/v1/users/" + user + "/recommendations");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().get("personalized").asBoolean()).as("as for a user never seen").isFalse();
        Answer because = http.get(api + "/v1/users/" + user + "/because/cat-item-0");
        assertThat(because.status()).isEqualTo(404);
        assertThat(because.body().get("error").asText()).startsWith("unknown user " + user);
    }

    private static String event(String user, String item) {
        return "{\"user\":\"" + user + "\",\"item\":\"" + item + "\",\"type\":\"CLICK\"}";
    }
}
