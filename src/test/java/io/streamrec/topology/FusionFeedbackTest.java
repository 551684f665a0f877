package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.online.ShownList;
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
    void anEmittedListIsShownWithEveryItemsSourceAndAPickIsItsPosition() {
        ShownList shown = ModelCodec.shown(list("a", "embedding", "b", "content", "c", "covisitation"));
        assertThat(shown.sources()).containsExactly(ScoredItem.Source.EMBEDDING, ScoredItem.Source.CONTENT,
                ScoredItem.Source.COVISITATION);
        assertThat(shown.position("b")).isEqualTo(1);
        assertThat(shown.position("z")).as("an item off the list is a miss").isEqualTo(-1);
    }

    @Test
    void anUnknownSourceOrATrendingListSaysNothingToCredit() {
        assertThat(ModelCodec.shown(list("a", "popularity", "b", "from-a-later-version")))
                .as("a list this version cannot read").isNull();
        Recommendations trending = list("a", "popularity");
        trending.setPersonalized(false);
        assertThat(ModelCodec.shown(trending)).isNull();
        assertThat(ModelCodec.shown(null)).isNull();
    }
}
