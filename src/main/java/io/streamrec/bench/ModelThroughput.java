package io.streamrec.bench;

import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.online.InMemoryItemSide;
import io.streamrec.model.online.InMemoryRanker;
import io.streamrec.model.online.OnlineStep;
import io.streamrec.model.online.SharedModel;
import io.streamrec.model.online.ShownList;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.topology.TopologySettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The live user side's per-event work with no Kafka: the same {@link SyntheticEvents} through the
 * same {@link OnlineStep}, on one thread, state in maps instead of stores. Per event, as
 * {@code UserLearner} does: learn on the user's profile (crediting the list the user last got),
 * sum what items are owed, and refresh the user's list. The refresh is one per event: live, the
 * debounce merges only a user's events within 50 ms, which with many users (100k) is almost never.
 * An event's time is the wall clock when it is drawn, as live it is the moment of sending; when it
 * crosses a publish-interval boundary, the owed sums are applied to the items and admitted items
 * upserted into the index, as the item side and every index feed do once per interval live.
 */
final class ModelThroughput implements AutoCloseable {
    /** Events per second learned and listed, and learned only (no refresh), both warm. */
    record Result(double eventsPerSecond, double learnOnlyEventsPerSecond) {}

    private final TopologySettings settings;
    private final SyntheticEvents events;
    private final SharedModel model;
    private final OnlineStep step;
    private final InMemoryItemSide items;
    private final Map<String, UserProfile> profiles = new HashMap<>();
    private final Map<String, SeenItems> seen = new HashMap<>();
    private final Map<String, ShownList> shown = new HashMap<>();
    /** The learned ranker's examples and training, as the topology's; null with the ranker off. */
    private final InMemoryRanker ranking;

    ModelThroughput(TopologySettings settings, int users, int items) {
        this.settings = settings;
        this.events = new SyntheticEvents(users, items, SyntheticEvents.LOAD_SEED);
        // As the app: one model per process, explanations built for what is listed.
        this.model = SharedModel.empty(settings.model(), true);
        this.step = new OnlineStep(model, settings.weights(), settings.lifecycle(), ListPolicy.of(settings.rules()),
                new Random(SyntheticEvents.LOAD_SEED));
        this.items = new InMemoryItemSide(model, settings.lifecycle(), settings.refresh().itemPublishIntervalMs());
        this.ranking = settings.ranker().learned()
                ? new InMemoryRanker(model, settings.ranker(), settings.refresh().itemPublishIntervalMs(), 0) : null;
    }

    /**
     * Learns the first {@code learned} events without lists, so the model is as large as the live
     * run's (its items' neighbour lists as full: they fill over the first minutes and make each list
     * dearer); then runs {@code warmup} unmeasured, then {@code measure} learning and listing, then
     * {@code measure} learning only.
     */
    Result run(long learned, Duration warmup, Duration measure) {
        for (long i = 0; i < learned; i++) {
            handle(events.next(), false);
        }
        runFor(warmup, true);
        double withLists = runFor(measure, true);
        double learnOnly = runFor(measure, false);
        return new Result(withLists, learnOnly);
    }

    /** Stops the ranker's training thread, if any. */
    @Override
    public void close() {
        if (ranking != null) {
            ranking.close();
        }
    }

    /** Events per second over {@code duration}, the clock read every 64 events. */
    private double runFor(Duration duration, boolean refresh) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long done = 0;
        long now = start;
        while (now < end) {
            for (int i = 0; i < 64; i++) {
                handle(events.next(), refresh);
            }
            done += 64;
            now = System.nanoTime();
        }
        return done / ((now - start) / 1e9);
    }

    private void handle(SyntheticEvents.Event event, boolean refresh) {
        long time = System.currentTimeMillis();
        items.advanceTo(time);
        String user = event.user();
        UserProfile profile = profiles.computeIfAbsent(user, u -> UserProfile.empty());
        SeenItems history = seen.computeIfAbsent(user, u -> new SeenItems());
        boolean newForUser = !history.contains(event.item());
        if (ranking != null) {
            ranking.advanceTo(time);
            ranking.learnFrom(step, profile, history, event.item(), event.type().name(), newForUser,
                    settings.refresh().listSize(), time);
        }
        ShownList last = step.creditsLastList(newForUser) ? shown.get(user) : null;
        items.owe(step.learn(profile, event.item(), event.type().name(), time, newForUser, last));
        if (newForUser) {
            history.add(event.item());
        }
        if (refresh) {
            List<ScoredItem> list = step.list(profile, history, settings.refresh().listSize(), time);
            // Live, only a personalised list is credited later, and an empty one is not published.
            if (!list.isEmpty()) {
                shown.put(user, profile.isCold() ? null : ShownList.of(list));
            }
        }
    }
}
