package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.model.ScoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user side's fusion hook: an emitted list and the next pick become the signal FusionWeights learns from. */
class FusionFeedbackTest {

    private static Recommendations list(String... itemAndSource) {
        List<RecommendedItem> items = new ArrayList<>();
        for (int i = 0; i < itemAndSource.length; i += 2) {
            items.add(new RecommendedItem(itemAndSource[i], 1.0, "why", itemAndSource[i + 1]));
        }
        return Recommendations.newBuilder().setUser("u").setItems(items).setPersonalized(true)
                .setModelVersion("v").setGeneratedAt(Instant.EPOCH).setLastEventTimestamp(Instant.EPOCH)
                .setLastEventPartition(0).setLastEventOffset(0).setEventsSeen(1).build();
    }

    @Test
    void aPickIsItsPositionInTheListWithEveryItemsSource() {
        List<Object> seen = new ArrayList<>();
        ModelCodec.picked(list("a", "embedding", "b", "content", "c", "covisitation"), "b",
                (sources, hit) -> seen.addAll(List.of(sources, hit)));
        assertThat(seen).containsExactly(List.of(ScoredItem.Source.EMBEDDING, ScoredItem.Source.CONTENT,
                ScoredItem.Source.COVISITATION), 1);
    }

    @Test
    void anItemOffTheListIsAMissAndAnUnknownSourceSilencesTheList() {
        List<Integer> hits = new ArrayList<>();
        ModelCodec.picked(list("a", "popularity"), "z", (sources, hit) -> hits.add(hit));
        assertThat(hits).containsExactly(-1);
        ModelCodec.picked(list("a", "popularity", "b", "from-a-later-version"), "a", (sources, hit) -> hits.add(hit));
        assertThat(hits).as("no call for a list this version cannot read").containsExactly(-1);
    }
}
