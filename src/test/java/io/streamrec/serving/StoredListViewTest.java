package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.json.JavalinJackson;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.model.policy.BusinessRules;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.stores.StoredList;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON rendered from a stored list's bytes is, byte for byte, what Jackson made of the decoded list. */
class StoredListViewTest {
    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u0007 "
            + "nul \u0000 unit \u001f del \u007f é 日本 \uD83D\uDE00 \u2028";

    private final ItemIndex index = new ItemIndex(2);

    @Test
    void rendersWhatJacksonRenderedFromTheDecodedList() {
        List<RecommendedItem> items = new ArrayList<>();
        double[] scores = {0.74, 1e-9, -3.5, 123456789.125, 0, Double.MIN_VALUE, 1.0 / 3, Double.NaN,
                Double.POSITIVE_INFINITY};
        for (int i = 0; i < scores.length; i++) {
            String id = i == 2 ? "item-" + AWKWARD : "item-" + i;
            add(id, true);
            items.add(new RecommendedItem(id, scores[i], i == 1 ? AWKWARD : "because you viewed item-" + i,
                    i % 2 == 0 ? "covisitation" : "embedding"));
        }
        Recommendations list = list("user \"" + AWKWARD, items, true);
        assertRendersLikeJackson(list, items, items.size());
        assertRendersLikeJackson(list, items.subList(0, 4), 4);
    }

    @Test
    void itemsTheIndexNoLongerAdmitsAreLeftOut() {
        List<RecommendedItem> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "item-" + i;
            if (i % 3 != 0) {
                add(id, i % 5 != 0); // every third deleted, every fifth unavailable
            }
            items.add(new RecommendedItem(id, 1.0 - i / 100.0, "popular", "popularity"));
        }
        Recommendations list = list("u1", items, false);
        List<RecommendedItem> admitted = items.stream()
                .filter(i -> index.contains(i.getItem()) && index.entry(i.getItem()).metadata().available()).toList();
        assertRendersLikeJackson(list, admitted.subList(0, 10), 10);
        assertRendersLikeJackson(list, admitted, admitted.size());

        StoredListView view = StoredListView.of(StoredList.of(list));
        assertThat(view.admit(index, BusinessRules.none(), admitted.size() + 1, 0))
                .as("fewer admitted than asked for, and not all of them: computed live instead").isFalse();
    }

    @Test
    void aListLongerThanOneBlockAndEmptyListsRead() {
        List<RecommendedItem> items = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            add("i" + i, true);
            items.add(new RecommendedItem("i" + i, random.nextGaussian(), "r".repeat(random.nextInt(300)), "content"));
        }
        assertRendersLikeJackson(list("u", items, true), items, items.size());
        assertRendersLikeJackson(list("u", List.of(), true), List.of(), 20);
        StoredListView view = StoredListView.of(StoredList.of(list("u", items, true)));
        assertThat(view.lastEventPartition()).isEqualTo(3);
        assertThat(view.lastEventOffset()).isEqualTo(1L << 40);
    }

    private void assertRendersLikeJackson(Recommendations list, List<RecommendedItem> expectedItems, int n) {
        StoredListView view = StoredListView.of(StoredList.of(list));
        assertThat(view.admit(index, BusinessRules.none(), n, 0)).isTrue();
        JsonBytes json = view.json();
        String rendered = new String(json.bytes(), 0, json.length(), StandardCharsets.UTF_8);
        assertThat(rendered).isEqualTo(jackson(list, expectedItems));
    }

    /** What the lookup answered before it read the bytes in place: Jackson on the decoded list. */
    private static String jackson(Recommendations list, List<RecommendedItem> items) {
        List<ListResponse.Entry> entries = items.stream()
                .map(i -> new ListResponse.Entry(i.getItem(), i.getScore(), i.getReason(), i.getSource())).toList();
        ListResponse response = new ListResponse(list.getUser(), null, list.getPersonalized(), entries,
                list.getModelVersion(), list.getGeneratedAt().toEpochMilli(), list.getLastEventTimestamp().toEpochMilli(),
                list.getLastEventPartition(), list.getLastEventOffset(), list.getEventsSeen());
        return new JavalinJackson().toJsonString(response, ListResponse.class);
    }

    private static Recommendations list(String user, List<RecommendedItem> items, boolean personalized) {
        return Recommendations.newBuilder().setUser(user).setItems(items).setPersonalized(personalized)
                .setModelVersion("bpr-covis-1 " + AWKWARD).setGeneratedAt(Instant.ofEpochMilli(1795460499773L))
                .setLastEventTimestamp(Instant.ofEpochMilli(-5)).setLastEventPartition(3).setLastEventOffset(1L << 40)
                .setEventsSeen(Long.MAX_VALUE).build();
    }

    private void add(String id, boolean available) {
        ItemRecord record = new ItemRecord(id, new float[] {1, 0}, 4);
        record.metadata = ItemMetadata.of(null, List.of("c"), List.of(), available);
        index.upsert(record);
    }

}
