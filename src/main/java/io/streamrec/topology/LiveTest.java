package io.streamrec.topology;

import io.streamrec.avro.EventType;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import java.util.List;

/** The test half of test-then-learn on live traffic: where the event's item sat in the user's last list. */
final class LiveTest {
    private LiveTest() {}

    /** Reports the item's rank in {@code lastList}; a user who never had a list is not a test (cold start). */
    static void report(TopologyMetrics metrics, EventType type, Recommendations lastList, String item) {
        if (lastList != null) {
            metrics.liveTest(type, rank(lastList, item));
        }
    }

    /** The 1-based rank of {@code item} in {@code list}, 0 when absent. */
    static int rank(Recommendations list, String item) {
        List<RecommendedItem> items = list.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getItem().equals(item)) {
                return i + 1;
            }
        }
        return 0;
    }
}
