package io.streamrec.evaluation;

import java.util.List;

/** The events in replay order, with dense user and item ids assigned in order of first appearance. */
public final class ReplayLog {
    private final List<LoggedEvent> events;
    private final Vocabulary users = new Vocabulary();
    private final Vocabulary items = new Vocabulary();
    private final int[] userIds;
    private final int[] itemIds;

    /** @param events already in replay order (see {@link LogReader#readSorted}) */
    public ReplayLog(List<LoggedEvent> events) {
        LoggedEvent[] canonical = new LoggedEvent[events.size()];
        userIds = new int[events.size()];
        itemIds = new int[events.size()];
        for (int e = 0; e < events.size(); e++) {
            LoggedEvent event = events.get(e);
            userIds[e] = users.intern(event.user());
            itemIds[e] = items.intern(event.item());
            // One String object per id, as a deserialiser with a cache would give: map lookups
            // then compare references instead of characters.
            canonical[e] = new LoggedEvent(users.name(userIds[e]), items.name(itemIds[e]), event.type(),
                    event.value(), event.timestamp(), event.group());
        }
        this.events = List.of(canonical);
    }

    public int size() {
        return events.size();
    }

    public LoggedEvent event(int e) {
        return events.get(e);
    }

    public int user(int e) {
        return userIds[e];
    }

    public int item(int e) {
        return itemIds[e];
    }

    public Vocabulary users() {
        return users;
    }

    public Vocabulary items() {
        return items;
    }
}
