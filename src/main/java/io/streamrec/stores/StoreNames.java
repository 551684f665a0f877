package io.streamrec.stores;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** State store names, shared by the topology and the interactive queries that read them. */
public final class StoreNames {
    private StoreNames() {}

    /** user id -> UserState (vector, recent items, counters). */
    public static final String USER_STATE = "user-state";
    /** "user\0item" -> first time seen: the full history, for exclusion and distinct counts. */
    public static final String USER_SEEN = "user-seen";
    /**
     * a number per event -> the item deltas it owes the item side, until they are sent, summed
     * per item, once per publish interval (the topology's DeltaLog).
     */
    public static final String USER_EVENT_OUTBOX = "user-event-outbox";
    /** user id -> Recommendations: the last list emitted, for HTTP lookups. */
    public static final String RECOMMENDATIONS = "recommendations";
    /** item id -> ItemVector, owned by the item side. */
    public static final String ITEM_STATE = "item-state";
    /**
     * a number per batch received -> the deltas it carries, until they are applied, summed per
     * item: the item's big record is read and rewritten once per publish interval, not once per delta.
     */
    public static final String ITEM_PENDING = "item-pending-log";
    /** The global in-memory item index, fed from the item-state changelog on every instance. */
    public static final String ITEM_INDEX = "item-index";
    /** The ranker trainer's newest weights, which it resumes from. */
    public static final String RANKER_STATE = "ranker-state";
    /** The global learned ranker, fed from ranker-weights on every instance. */
    public static final String RANKER = "ranker";

    public static String seenKey(String user, String item) {
        return user + '\0' + item;
    }

    public static String seenPrefix(String user) {
        return user + '\0';
    }

    /** The items in the user's history, read by prefix from the user-seen store (active or queried copy). */
    public static Set<String> seenItems(ReadOnlyKeyValueStore<String, Long> seen, String user) {
        Set<String> items = new HashSet<>();
        forEachSeenItem(seen, user, items::add);
        return items;
    }

    /** Hands {@code item} each item of the user's history, in the store's key order. */
    public static void forEachSeenItem(ReadOnlyKeyValueStore<String, Long> seen, String user, Consumer<String> item) {
        String prefix = seenPrefix(user);
        try (KeyValueIterator<String, Long> it = seen.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                item.accept(it.next().key.substring(prefix.length()));
            }
        }
    }
}
