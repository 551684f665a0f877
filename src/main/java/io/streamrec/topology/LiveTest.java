package io.streamrec.topology;

import io.streamrec.avro.EventType;
import io.streamrec.stores.StoredList;
import io.streamrec.stores.StoredListLayout;

/**
 * The test half of test-then-learn on live traffic: where the event's item sat in the user's last
 * list. The rank is read from the stored bytes, without decoding the list, as this runs for
 * every tested event. One per processor, so per stream thread.
 */
final class LiveTest {
    private final TopologyMetrics metrics;
    private final StoredListLayout layout = new StoredListLayout();

    LiveTest(TopologyMetrics metrics) {
        this.metrics = metrics;
    }

    /** Reports the item's rank in {@code lastList}; a user who never had a list is not a test (cold start). */
    void report(EventType type, StoredList lastList, String item) {
        if (lastList != null) {
            layout.read(lastList.bytes());
            metrics.liveTest(type, layout.rankOf(item));
        }
    }
}
