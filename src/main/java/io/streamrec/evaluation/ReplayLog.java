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
        this.events = List.copyOf(events);
        userIds = new int[events.size()];
        itemIds = new int[events.size()];
        for (int e = 0; e < events.size(); e++) {
            userIds[e] = users.intern(events.get(e).user());
            itemIds[e] = items.intern(events.get(e).item());
        }
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
