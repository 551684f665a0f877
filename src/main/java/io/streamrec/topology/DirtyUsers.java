package io.streamrec.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Users whose list awaits a debounced refresh, with the wall-clock time each became dirty: a
 * changelogged store, so a restarted task still refreshes them, mirrored in an insertion-ordered
 * map. The refresh check runs every few tens of milliseconds, so it must not iterate the store:
 * the mirror reads only the oldest entries, up to the first one not yet due.
 */
final class DirtyUsers {
    private final KeyValueStore<String, Long> store;
    private final Map<String, Long> since = new LinkedHashMap<>();

    /** Called when the task starts, after the store is restored. */
    DirtyUsers(KeyValueStore<String, Long> store) {
        this.store = store;
        List<KeyValue<String, Long>> restored = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(restored::add);
        }
        restored.sort(Comparator.comparingLong(entry -> entry.value));
        restored.forEach(entry -> since.put(entry.key, entry.value));
    }

    /** Marks the user dirty as of {@code now}, unless already dirty (the first change starts the wait). */
    void mark(String user, long now) {
        if (since.putIfAbsent(user, now) == null) {
            store.put(user, now);
        }
    }

    void clear(String user) {
        if (since.remove(user) != null) {
            // put(user, null) deletes without the read of the old value that delete(user) makes.
            store.put(user, null);
        }
    }

    /**
     * The users dirty for at least {@code debounceMs} at {@code now}, oldest first, still marked:
     * the caller refreshes and clears each. An entry marked with a back-dated time waits behind
     * older entries that are not yet due, for at most the debounce.
     */
    List<String> due(long now, long debounceMs) {
        List<String> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = since.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> entry = it.next();
            if (now - entry.getValue() < debounceMs) {
                break;
            }
            due.add(entry.getKey());
        }
        return due;
    }
}
