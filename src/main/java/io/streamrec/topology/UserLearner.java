package io.streamrec.topology;

import static io.streamrec.topology.NodeNames.ITEM_DELTAS_SINK;
import static io.streamrec.topology.NodeNames.RANKER_EXAMPLES_SINK;
import static io.streamrec.topology.NodeNames.RECOMMENDATIONS_SINK;
import static io.streamrec.topology.NodeNames.USER_REJECTED_SINK;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ModelParams;
import io.streamrec.model.online.OnlineStep;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.ranker.RankingExample;
import io.streamrec.model.online.SharedModel;
import io.streamrec.model.online.ShownList;
import io.streamrec.model.UserProfile;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.StoredList;
import io.streamrec.stores.StoredListLayout;
import io.streamrec.stores.UserStateCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The user side, on the partition that owns the user: the model's {@link OnlineStep} per event,
 * the item side's share of it sent on keyed by item, and the user's top-N refreshed at most once
 * per debounce window (at once after a purchase). The model's steps are the replay's; this class
 * only keeps their state in stores and sends their results on.
 *
 * <p>The item side's share is summed per item in a changelogged outbox and sent once per item
 * publish interval: an event owes ~16 items a delta, and popular items are owed by many events
 * of an interval, so fewer, summed deltas reach `item-deltas`, grouped into one record per item
 * partition ({@link ItemDeltaBatches}).
 */
final class UserLearner implements Processor<String, Interaction, Object, Object> {
    /** Every example goes to the one partition of ranker-examples, under one key. */
    private static final byte[] RANKER_KEY = RankerTrainerProcessor.KEY.getBytes(StandardCharsets.UTF_8);
    private static final int DUE_PER_ROUND = 256;
    private final TopologySettings settings;
    private final SharedModel model;
    private final ItemIndex index;
    private final TopologyMetrics metrics;
    private final LiveTest live;
    private final ItemPartitions itemPartitions;
    /**
     * Refreshes and ranker examples: a share of the time while the input is behind. The budget is
     * the running thread's, shared with the other tasks it runs: the share is of the thread's time,
     * not of each partition's, or a thread of four partitions would spend four shares.
     */
    private final Supplier<RefreshBudget> listWork;
    /** Sends of what items are owed: fewer while the input is behind. */
    private final PublicationPace sends;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, UserState> users;
    private KeyValueStore<String, Long> seen;
    private DirtyUsers dirty;
    private KeyValueStore<String, StoredList> lists;
    private DeltaLog outbox;
    private OnlineStep step;
    private int removalsSeen;
    /** The newest event time this task has learned from: the clock users' idleness is measured by. */
    private long newestEventTime = Long.MIN_VALUE;

    UserLearner(TopologySettings settings, SharedModel model, TopologyMetrics metrics, ItemPartitions itemPartitions,
                InputLoad load, Supplier<RefreshBudget> listWork) {
        this.settings = settings;
        this.itemPartitions = itemPartitions;
        this.listWork = listWork;
        this.sends = new PublicationPace(load, settings.refresh());
        this.model = model;
        this.index = model.index();
        this.metrics = metrics;
        this.live = new LiveTest(metrics);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        users = context.getStateStore(StoreNames.USER_STATE);
        seen = context.getStateStore(StoreNames.USER_SEEN);
        dirty = new DirtyUsers();
        lists = context.getStateStore(StoreNames.RECOMMENDATIONS);
        outbox = new DeltaLog(context.getStateStore(StoreNames.USER_EVENT_OUTBOX),
                settings.model().popularityHalfLifeMs());
        markUsersWhoseListLags(context.currentSystemTimeMs());
        step = new OnlineStep(model, settings.weights(), settings.lifecycle(), ListPolicy.of(settings.rules()),
                new Random(context.taskId().hashCode()));
        context.schedule(Duration.ofMillis(settings.refresh().checkIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                this::refreshDueUsers);
        if (settings.lifecycle().userTtlMs() > 0) {
            context.schedule(Duration.ofMillis(settings.lifecycle().checkIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                    now -> expireIdleUsers());
        }
        context.schedule(Duration.ofMillis(settings.refresh().itemPublishIntervalMs()), PunctuationType.WALL_CLOCK_TIME,
                sends.paced(this::sendDeltas));
    }

    /**
     * A user awaits a refresh exactly when no list was computed from their latest state: none, or
     * one naming an older last event. A starting task (after a crash, a rebalance or a restore)
     * reads that off its two stores and marks them due at once; reading each user once per task
     * start replaces storing every mark and its clearing.
     */
    private void markUsersWhoseListLags(long now) {
        // Read in place: every user's list is looked at, and only its last event matters.
        StoredListLayout layout = new StoredListLayout();
        try (KeyValueIterator<String, UserState> it = users.all()) {
            while (it.hasNext()) {
                KeyValue<String, UserState> user = it.next();
                StoredList list = lists.get(user.key);
                if (list != null) {
                    layout.read(list.bytes());
                }
                if (list == null || layout.lastEventPartition() != user.value.getLastEventPartition()
                        || layout.lastEventOffset() != user.value.getLastEventOffset()) {
                    dirty.mark(user.key, now - settings.refresh().debounceMs());
                }
            }
        }
    }

    @Override
    public void process(Record<String, Interaction> record) {
        if (record.value() == null) {
            deleteUser(record.key());
            return;
        }
        Interaction event = record.value();
        try {
            learn(record.key(), event, record.headers());
        } catch (RuntimeException e) {
            // A bug or numeric failure on one event must not stop the partition: dead-letter it.
            DeadLetters.reject(context, USER_REJECTED_SINK, new Record<>(record.key().getBytes(StandardCharsets.UTF_8),
                    AvroSerdes.INTERACTION.encode(event), record.timestamp()), "learning failed: " + e);
        }
    }

    private void learn(String user, Interaction event, Headers headers) {
        String item = event.getItem();
        long time = event.getTimestamp().toEpochMilli();
        newestEventTime = Math.max(newestEventTime, time);
        String seenKey = StoreNames.seenKey(user, item);
        boolean newForUser = seen.get(seenKey) == null;
        boolean liveTest = newForUser && metrics.measuresLiveQuality();
        boolean credit = step.creditsLastList(newForUser);
        // The list the user last received, read once for whichever needs it.
        StoredList last = liveTest || credit ? lists.get(user) : null;
        if (liveTest) {
            live.report(event.getType(), last, item);
        }
        UserProfile profile = UserStateCodec.profile(users.get(user));
        if (settings.ranker().learned() && step.teachesRanker(event.getType().name(), newForUser)) {
            listWork.get().runSampled(() -> sendRankingExample(user, profile, item, time));
        }
        ShownList shown = credit ? ModelCodec.shown(StoredList.decode(last)) : null;
        List<ItemUpdate> owed = step.learn(profile, item, event.getType().name(), time, newForUser, shown);
        // Sent to the item side, summed per item with the other events', once per publish interval.
        outbox.add(owed);
        if (newForUser) {
            seen.put(seenKey, time);
        }
        EventOrigin origin = EventOrigin.of(context.recordMetadata().orElseThrow(), headers,
                settings.topics().rekeyed());
        UserState state = UserStateCodec.userState(profile, origin.partition(), origin.offset());
        users.put(user, state);
        boolean refreshed = event.getType() == EventType.PURCHASE && listWork.get().run(() -> refreshNow(user, state));
        if (!refreshed) {
            dirty.mark(user, context.currentSystemTimeMs());
        }
        metrics.learned(event.getType());
    }

    /**
     * What the user's pick teaches the learned ranker, from the candidates their list had just
     * before it (the state before this event), to the one trainer; as the replay draws it.
     */
    private void sendRankingExample(String user, UserProfile profile, String item, long time) {
        SeenItems history = new SeenItems();
        StoreNames.forEachSeenItem(seen, user, history::add);
        RankingExample example = step.example(profile, history, item, settings.refresh().listSize(),
                settings.ranker().negatives(), time);
        if (example != null) {
            context.forward(new Record<Object, Object>(RANKER_KEY, example.toBytes(), time), RANKER_EXAMPLES_SINK);
        }
    }

    /**
     * Sends every item the deltas this partition owes it, summed, once per publish interval, in
     * one record per item partition. Until a record has been routed the partitions are unknown:
     * the very first item then goes alone, and its routing tells the count.
     */
    private void sendDeltas() {
        List<ItemUpdate> owed = outbox.drain();
        if (owed.isEmpty()) {
            return;
        }
        if (itemPartitions.count() == 0) {
            forwardDeltas(ItemDeltaBatches.of(owed.subList(0, 1), 1, ItemDeltaBatches.MAX_BYTES));
            owed = owed.subList(1, owed.size());
        }
        forwardDeltas(ItemDeltaBatches.of(owed, itemPartitions.count(), ItemDeltaBatches.MAX_BYTES));
    }

    private void forwardDeltas(List<Record<String, OwedDeltas>> batches) {
        for (Record<String, OwedDeltas> batch : batches) {
            context.forward(new Record<Object, Object>(batch.key(), batch.value(), batch.timestamp()),
                    ITEM_DELTAS_SINK);
        }
    }

    /**
     * Refreshes the users due, oldest first. While the input is behind, only as many as the
     * refresh share of the time allows: the others stay marked, and the events they get
     * meanwhile are learned and then listed by one refresh.
     */
    private void refreshDueUsers(long now) {
        markListsNamingRemovedItems(now);
        List<String> due;
        // In rounds, so a long queue is not read whole when the share allows a few of it; each user
        // marked now is looked at once at most (one re-marked at once, with debounce 0, waits for the next check).
        int left = dirty.size();
        do {
            due = dirty.due(now, settings.refresh().debounceMs(), Math.min(DUE_PER_ROUND, left));
            left -= due.size();
            for (String user : due) {
                if (!listWork.get().run(() -> refreshOrForget(user))) {
                    return;
                }
            }
        } while (due.size() == DUE_PER_ROUND && left > 0);
    }

    /** Refreshes the user's list, or forgets the mark of a user deleted since. */
    private void refreshOrForget(String user) {
        UserState state = users.get(user);
        if (state != null) {
            refreshNow(user, state);
        } else {
            dirty.clear(user);
        }
    }

    /**
     * Refreshes the user's list and clears its mark. While the item index is empty (it is fed
     * asynchronously, so at start-up and after a restart events can come first) there is nothing
     * to list yet: the user stays marked and is tried again a debounce window later.
     */
    private void refreshNow(String user, UserState state) {
        boolean published = refresh(user, state);
        dirty.clear(user);
        if (!published && index.size() == 0) {
            dirty.mark(user, context.currentSystemTimeMs());
        }
    }

    /**
     * An item tombstone reaches every instance's index; the lists of this task that name a
     * removed item are then refreshed at once (due now), so the item leaves every list it was in.
     * Rare, so a scan of the task's lists is fine.
     */
    private void markListsNamingRemovedItems(long now) {
        int removals = index.removals();
        if (removals == removalsSeen) {
            return;
        }
        removalsSeen = removals;
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, StoredList> it = lists.all()) {
            it.forEachRemaining(entry -> {
                if (entry.value.decode().getItems().stream().anyMatch(i -> !index.contains(i.getItem()))) {
                    stale.add(entry.key);
                }
            });
        }
        stale.forEach(user -> dirty.mark(user, now - settings.refresh().debounceMs()));
    }

    /**
     * Computes the user's list and publishes it (store, changelog, topic), unless it is empty: an
     * empty list says nothing a consumer can use, and a downstream cache keyed by user would put
     * it over the last good one. Returns whether a list was published.
     */
    private boolean refresh(String user, UserState state) {
        long started = System.nanoTime();
        UserProfile profile = UserStateCodec.profile(state);
        long now = Math.max(context.currentStreamTimeMs(), state.getLastEventTimestamp());
        // Straight from the prefix scan: the refresh runs per event, a set in between would be built for nothing.
        SeenItems history = new SeenItems();
        StoreNames.forEachSeenItem(seen, user, history::add);
        List<ScoredItem> ranked = step.list(profile, history, settings.refresh().listSize(), now);
        if (ranked.isEmpty()) {
            return false;
        }
        Recommendations list = Recommendations.newBuilder()
                .setUser(user)
                .setItems(ranked.stream().map(ModelCodec::recommended).toList())
                .setPersonalized(step.personalizes(profile))
                .setModelVersion(ModelParams.VERSION)
                .setGeneratedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .setLastEventTimestamp(Instant.ofEpochMilli(state.getLastEventTimestamp()))
                .setLastEventPartition(state.getLastEventPartition())
                .setLastEventOffset(state.getLastEventOffset())
                .setEventsSeen(state.getEvents())
                .build();
        // Encoded once for the store, its changelog and the topic.
        StoredList stored = StoredList.of(list);
        lists.put(user, stored);
        context.forward(new Record<Object, Object>(user, stored, context.currentSystemTimeMs()), RECOMMENDATIONS_SINK);
        metrics.refreshed(System.nanoTime() - started);
        return true;
    }

    private Set<String> seenItems(String user) {
        return StoreNames.seenItems(seen, user);
    }

    /**
     * Users idle past the TTL are forgotten. Idleness is in event time, against the newest event
     * this task learned from (not the records' timestamps, which a replay of old events sets to now).
     */
    private void expireIdleUsers() {
        long now = newestEventTime;
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, UserState> it = users.all()) {
            while (it.hasNext()) {
                KeyValue<String, UserState> entry = it.next();
                if (settings.lifecycle().userIdle(entry.value.getLastEventTimestamp(), now)) {
                    idle.add(entry.key);
                }
            }
        }
        idle.forEach(this::deleteUser);
    }

    /** A user tombstone: forget everything about the user, everywhere this side owns. */
    private void deleteUser(String user) {
        for (String item : seenItems(user)) {
            seen.delete(StoreNames.seenKey(user, item));
        }
        users.delete(user);
        dirty.clear(user);
        lists.delete(user);
        context.forward(new Record<Object, Object>(user, null, context.currentSystemTimeMs()), RECOMMENDATIONS_SINK);
    }
}
