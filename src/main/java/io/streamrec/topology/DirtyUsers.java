package io.streamrec.topology;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users whose list awaits a debounced refresh, with the wall-clock time each became dirty, in
 * an insertion-ordered map. The refresh check runs every few tens of milliseconds, so it reads
 * only the oldest entries, up to the first one not yet due.
 *
 * <p>Not stored: who awaits a refresh follows from the stores that are (a user whose list was not
 * computed from their latest state), so a starting task marks them again ({@code UserLearner})
 * and a crash loses no pending refresh, without two changelog records per refresh.
 */
final class DirtyUsers {
    private final Map<String, Long> since = new LinkedHashMap<>();

    /** Marks the user dirty as of {@code now}, unless already dirty (the first change starts the wait). */
    void mark(String user, long now) {
        since.putIfAbsent(user, now);
    }

    void clear(String user) {
        since.remove(user);
    }

    int size() {
        return since.size();
    }

    /**
     * Up to {@code limit} of the users dirty for at least {@code debounceMs} at {@code now}, oldest
     * first, still marked: the caller refreshes and clears each. An entry marked with a back-dated
     * time waits behind older entries that are not yet due, for at most the debounce.
     */
    List<String> due(long now, long debounceMs, int limit) {
        List<String> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = since.entrySet().iterator(); it.hasNext() && due.size() < limit; ) {
            Map.Entry<String, Long> entry = it.next();
            if (now - entry.getValue() < debounceMs) {
                break;
            }
            due.add(entry.getKey());
        }
        return due;
    }
}
