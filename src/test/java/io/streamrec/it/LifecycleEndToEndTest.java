package io.streamrec.it;

import static io.streamrec.it.ItSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.SingleInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Embedding admission on the real broker, seen through HTTP: a user needs three events for a
 * vector of their own, so the first two lookups are trending; an item needs two users to enter
 * the index.
 */
class LifecycleEndToEndTest {
    private static final int ITEMS = 30;
    private static final Http http = new Http();
    private static SingleInstance instance;

    @BeforeAll
    static void start() throws Exception {
        instance = SingleInstance.start("life.", "streamrec-life", Map.of(
                "streamrec.lifecycle.min.user.events", "3",
                "streamrec.lifecycle.min.item.users", "2"));
        instance.catalogue(http, ITEMS);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aUserIsPersonalisedFromTheThirdEventOn() {
        String user = "life-user";
        for (int event = 1; event <= 3; event++) {
            Answer posted = http.post(instance.api() + "/v1/events",
                    "{\"user\":\"" + user + "\",\"item\":\"" + item(event) + "\",\"type\":\"PURCHASE\"}");
            assertThat(posted.status()).as(posted.body().toString()).isEqualTo(202);
            JsonNode list = http.get(instance.api() + "/v1/users/" + user + "/recommendations?after="
                    + posted.body().get("id").asText() + "&waitMs=5000").body();
            assertThat(list.get("eventsSeen").asLong()).isEqualTo(event);
            assertThat(list.get("personalized").asBoolean()).as("after event " + event).isEqualTo(event >= 3);
        }
    }

    @Test
    void anItemEntersTheIndexOnceTwoUsersHaveUsedIt() throws InterruptedException {
        String rare = "life-rare-item";
        post("life-a", rare);
        ItSupport.await("the first event on " + rare + " learned", () -> http.get(instance.api()
                + "/v1/users/life-a/recommendations").body(), body -> body.path("eventsSeen").asLong() == 1);
        // Deltas go out and items are published every 100 ms: well past that, one user is still too few.
        Thread.sleep(1_500);
        assertThat(http.get(instance.api() + "/v1/items/" + rare + "/similar").status()).isEqualTo(404);

        post("life-b", rare);
        Answer similar = ItSupport.await(rare + " in the index", () -> http.get(instance.api() + "/v1/items/" + rare
                + "/similar"), answer -> answer.status() == 200);
        assertThat(similar.body().get("item").asText()).isEqualTo(rare);
    }

    private static void post(String user, String item) {
        Answer posted = http.post(instance.api() + "/v1/events",
                "{\"user\":\"" + user + "\",\"item\":\"" + item + "\",\"type\":\"CLICK\"}");
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(202);
    }
}
