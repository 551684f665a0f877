package io.streamrec.it;

import static io.streamrec.it.ItSupport.await;
import static io.streamrec.it.ItSupport.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendations;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerdes;
import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.SingleInstance;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.ItSupport.TopicReader;
import io.streamrec.topology.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Business rules, diversity, context recommendations and explanations through HTTP on a real
 * broker. The app runs with a configured default rule (category cat-3 is never shown); the
 * catalogue carries prices, a tag and availability windows, and planted co-visits (many users
 * take item 0 then item 1, and item 4 then item 5) give lists that are about something.
 */
class FeaturesEndToEndTest {
    private static final int ITEMS = 40;
    private static final String HIDDEN = "cat-3";
    /** Not available until an hour from now, and expired an hour ago. */
    private static final String NOT_YET = item(37);
    private static final String EXPIRED = item(38);
    private static final String REASON = "because you (viewed|clicked|bought|rated|liked|shared) .+"
            + "|because you added .+ to your cart|trending in .+|popular|often together with .+|similar to .+"
            + "|like .+ in category, tags or title";

    private static SingleInstance instance;
    private static EmbeddedKafka kafka;
    private static StreamrecApp app;
    private static Topics topics;
    private static String api;
    private static final Http http = new Http();

    static String item(int n) {
        return "f-item-" + n;
    }

    static String category(String item) {
        return "cat-" + number(item) % 4;
    }

    static double price(String item) {
        return 2.5 * number(item);
    }

    private static int number(String item) {
        return Integer.parseInt(item.substring("f-item-".length()));
    }

    @BeforeAll
    static void start() throws Exception {
        instance = SingleInstance.start("feat.", "streamrec-feat", Map.of("streamrec.rules.exclude.categories", HIDDEN));
        kafka = instance.kafka();
        topics = instance.topics();
        app = instance.app();
        api = instance.api();
        long now = System.currentTimeMillis();
        try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
            for (int n = 0; n < ITEMS; n++) {
                String id = item(n);
                Item.Builder item = Item.newBuilder().setId(id).setTitle("Item " + n)
                        .setCategories(List.of(category(id))).setPrice(price(id))
                        .setTags(n % 5 == 0 ? List.of("sale") : List.of());
                if (id.equals(NOT_YET)) {
                    item.setAvailableFrom(Instant.ofEpochMilli(now + 3_600_000));
                }
                if (id.equals(EXPIRED)) {
                    item.setExpires(Instant.ofEpochMilli(now - 3_600_000));
                }
                producer.send(topics.items(), id, AvroSerdes.ITEM.encode(item.build()));
            }
            List<Interaction> events = new ArrayList<>();
            for (int u = 0; u < 20; u++) {
                String user = "feat-crowd-" + u;
                events.add(interaction(user, item(u < 10 ? 0 : 4), EventType.CLICK));
                events.add(interaction(user, item(u < 10 ? 1 : 5), EventType.CLICK));
                // Everyone also touches the unavailable and the hidden items, so they would rank if allowed.
                events.add(interaction(user, u % 2 == 0 ? NOT_YET : EXPIRED, EventType.PURCHASE));
                events.add(interaction(user, item(3 + 4 * (u % 8)), EventType.PURCHASE));
            }
            producer.interactions(events);
        }
        ItSupport.awaitIndexed(http, app, ITEMS);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    /** Posts events for {@code user} and waits until the user's list reflects all of them. */
    private static void history(String user, String... items) {
        long last = -1;
        for (String item : items) {
            Answer posted = http.post(api + "/v1/events",
                    "{\"user\":\"" + user + "\",\"item\":\"" + item + "\",\"type\":\"CLICK\"}");
            assertThat(posted.status()).isEqualTo(202);
            last = posted.body().get("offset").asLong();
        }
        long offset = last;
        await("list of " + user + " reflecting its events",
                () -> http.get(api + "/v1/users/" + user + "/recommendations").body(),
                body -> body.path("lastEventOffset").asLong(-1) >= offset && body.path("eventsSeen").asLong() == items.length);
    }

    private static List<String> list(String pathAndQuery) {
        Answer answer = http.get(api + pathAndQuery);
        assertThat(answer.status()).as(pathAndQuery + " -> " + answer.body()).isEqualTo(200);
        answer.body().get("items").forEach(entry -> assertThat(entry.get("reason").asText()).matches(REASON));
        return ItSupport.itemIds(answer.body());
    }

    @Test
    void configuredRulesAndAvailabilityWindowsHoldForEveryList() {
        String user = "feat-defaults";
        try (TopicReader<Recommendations> emitted = new TopicReader<>(kafka.bootstrapServers(),
                topics.recommendations(), AvroSerdes.RECOMMENDATIONS)) {
            history(user, item(0), item(2));
            Recommendations list = emitted.await("an emitted list of " + user,
                    r -> user.equals(r.key()) && r.value() != null && r.value().getEventsSeen() == 2).value();
            assertThat(list.getItems()).isNotEmpty().allSatisfy(entry -> {
                assertThat(category(entry.getItem())).isNotEqualTo(HIDDEN);
                assertThat(entry.getItem()).isNotIn(NOT_YET, EXPIRED);
            });
        }
        for (String path : List.of("/v1/users/" + user + "/recommendations?n=30", "/v1/trending?n=30",
                "/v1/items/" + item(0) + "/similar?n=30", "/v1/users/nobody-here/recommendations?n=30")) {
            assertThat(list(path)).as(path).isNotEmpty()
                    .allSatisfy(id -> assertThat(category(id)).isNotEqualTo(HIDDEN))
                    .doesNotContain(NOT_YET, EXPIRED);
        }
    }

    @Test
    void requestRulesFilterAndBoostTheUsersList() {
        String user = "feat-rules";
        history(user, item(0), item(6));
        String base = "/v1/users/" + user + "/recommendations?n=10";
        assertThat(list(base + "&category=cat-1")).isNotEmpty().allSatisfy(id -> assertThat(category(id)).isEqualTo("cat-1"));
        assertThat(list(base + "&category=cat-1,cat-2")).isNotEmpty()
                .allSatisfy(id -> assertThat(category(id)).isIn("cat-1", "cat-2"));
        assertThat(list(base + "&excludeCategory=cat-0,cat-1")).isNotEmpty()
                .allSatisfy(id -> assertThat(category(id)).isEqualTo("cat-2"));
        List<String> plain = list(base);
        assertThat(plain).contains(item(1));
        assertThat(list(base + "&exclude=" + item(1) + "," + plain.get(0))).doesNotContain(item(1), plain.get(0));
        assertThat(list(base + "&minPrice=20&maxPrice=60")).isNotEmpty()
                .allSatisfy(id -> assertThat(price(id)).isBetween(20.0, 60.0));
        // A strong boost of a tag puts its items first; the stored list alone could not reorder.
        List<String> boosted = list(base + "&boost=sale:100");
        assertThat(boosted.get(0)).isIn(item(5), item(10), item(15), item(20), item(25), item(30));
        assertThat(list(base + "&category=no-such-category")).isEmpty();

        for (String bad : List.of("&boost=sale", "&boost=sale:-1", "&diversity=2", "&minPrice=9&maxPrice=1",
                "&maxPerCategory=0", "&minPrice=cheap")) {
            Answer answer = http.get(api + base + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).as(bad).isNotBlank();
        }
    }

    @Test
    void diversityAndTheCategoryCapSpreadTheList() {
        String user = "feat-diverse";
        history(user, item(0), item(4), item(8));
        List<String> capped = list("/v1/users/" + user + "/recommendations?n=3&maxPerCategory=1");
        assertThat(capped).hasSize(3);
        assertThat(capped.stream().map(FeaturesEndToEndTest::category).distinct()).hasSize(3);
        Map<String, Integer> perCategory = new HashMap<>();
        list("/v1/users/" + user + "/recommendations?n=6&diversity=0.7&maxPerCategory=2")
                .forEach(id -> perCategory.merge(category(id), 1, Integer::sum));
        assertThat(perCategory.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(list("/v1/trending?n=3&maxPerCategory=1").stream().map(FeaturesEndToEndTest::category).distinct())
                .hasSize(3);
    }

    @Test
    void contextRecommendationsFollowTheBasketAndWriteNothing() {
        String user = "feat-context";
        history(user, item(5), item(9));
        Answer before = http.get(api + "/v1/internal/users/" + user + "/state");
        assertThat(before.status()).isEqualTo(200);

        JsonNode anonymous = await("context answer led by the item taken after the basket's",
                () -> http.post(api + "/v1/recommendations/context", "{\"items\": [\"" + item(4) + "\"], \"n\": 5}").body(),
                body -> body.path("items").size() > 0 && body.get("items").get(0).get("item").asText().equals(item(5)));
        assertThat(anonymous.get("personalized").asBoolean()).isTrue();
        assertThat(ItSupport.itemIds(anonymous)).doesNotContain(item(4));

        Answer withUser = http.post(api + "/v1/recommendations/context",
                "{\"items\": [\"" + item(4) + "\", \"" + item(0) + "\"], \"user\": \"" + user + "\", \"n\": 10}");
        assertThat(withUser.status()).isEqualTo(200);
        assertThat(withUser.body().get("user").asText()).isEqualTo(user);
        assertThat(ItSupport.itemIds(withUser.body())).isNotEmpty().doesNotContain(item(4), item(0), item(5), item(9));

        Answer after = http.get(api + "/v1/internal/users/" + user + "/state");
        assertThat(after.body()).as("no state written").isEqualTo(before.body());

        Answer unknownOnly = http.post(api + "/v1/recommendations/context", "{\"items\": [\"never-heard-of\"]}");
        assertThat(unknownOnly.status()).isEqualTo(200);
        assertThat(unknownOnly.body().get("personalized").asBoolean()).isFalse();
        for (String bad : List.of("{\"items\": []}", "{\"n\": 5}", "{\"items\": [\"a\"], \"n\": 0}", "[1]", "{",
                "{\"items\": [\"a\"], \"user\": 7}")) {
            Answer answer = http.post(api + "/v1/recommendations/context", bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void becauseRanksTheUsersRecentItemsByHowMuchTheyExplainAnItem() {
        String user = "feat-because";
        history(user, item(12), item(0), item(16));
        JsonNode because = await("item 0 explains item 1 best",
                () -> http.get(api + "/v1/users/" + user + "/because/" + item(1)).body(),
                body -> body.path("items").size() > 0 && body.get("items").get(0).get("item").asText().equals(item(0)));
        assertThat(because.get("user").asText()).isEqualTo(user);
        assertThat(because.get("item").asText()).isEqualTo(item(1));
        assertThat(because.get("items").get(0).get("source").asText()).isEqualTo("covisitation");
        assertThat(because.get("items").get(0).get("reason").asText()).contains("Item 1");
        // A recent item neither co-visited with item 1 nor alike (cosine 0 or less) explains nothing.
        assertThat(ItSupport.itemIds(because)).isSubsetOf(item(0), item(12), item(16));
        because.get("items").forEach(explaining -> assertThat(explaining.get("reason").asText())
                .doesNotContain("cosine -").doesNotContain("cosine 0.00"));

        Answer unknownUser = http.get(api + "/v1/users/feat-nobody/because/" + item(1));
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.body().get("error").asText()).contains("feat-nobody");
        Answer unknownItem = http.get(api + "/v1/users/" + user + "/because/no-such-item");
        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(unknownItem.body().get("error").asText()).contains("no-such-item");
        assertThat(http.get(api + "/v1/users/" + user + "/because/" + item(1) + "?n=0").status()).isEqualTo(400);
    }

    @Test
    void everyReasonIsOneOfTheDocumentedKinds() {
        String user = "feat-reasons";
        history(user, item(4), item(13));
        assertThat(list("/v1/users/" + user + "/recommendations?n=30")).isNotEmpty();
        assertThat(list("/v1/trending?n=10")).isNotEmpty();
    }
}
