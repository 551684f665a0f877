package io.streamrec.evaluation;

import io.streamrec.model.EventWeights;
import io.streamrec.model.Lifecycle;
import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.online.ContentTraining;
import io.streamrec.model.online.InMemoryItemSide;
import io.streamrec.model.online.InMemoryRanker;
import io.streamrec.model.online.OnlineStep;
import io.streamrec.model.online.SharedModel;
import io.streamrec.model.online.ShownList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The product's model in the replay: the topology's {@link OnlineStep} per event and per list,
 * and its item side in memory ({@link InMemoryItemSide}), with arrays in place of state stores and
 * an in-memory loop in place of topics. As live, what events owe items is summed and applied once
 * per publish interval, here of event time: an event's own user learns from it at once, the
 * others see its effect on items from the next interval on.
 *
 * <p>The user's last personalised list is the one the replay tested them on; their next event
 * credits it, as the topology credits the list it last emitted.
 */
final class StreamrecModel implements ReplayModel {
    private final ReplayLog log;
    private final StreamrecSettings settings;
    private final SharedModel model;
    private final OnlineStep step;
    private final InMemoryItemSide items;
    /** By the log's dense user id, as the topology keys its stores by user; null before a user's first event. */
    private final UserProfile[] profiles;
    private final SeenItems[] seen;
    private final ShownList[] shown;
    private final CatalogueFeed catalogue;
    private final CatalogueFeed.Arrival arrival;
    private final int tagCount;
    /** The learned ranker's training in event time; null when lists are ranked by the fixed blend. */
    private final InMemoryRanker ranking;
    /** The content autoencoder's training on catalogue changes; null when content similarity is TF-IDF's. */
    private final ContentTraining contentTraining;
    /** How long a list is in the replay: the candidates an example is drawn from are those of such a list. */
    private int listSize = 20;
    private long nextIdleCheck = Long.MIN_VALUE;
    /** The newest event time learned: the clock idleness is measured by, as live. */
    private long newestEventTime = Long.MIN_VALUE;

    StreamrecModel(ReplayLog log, ModelParams params, EventWeights weights, List<CatalogueItem> catalogue, long seed) {
        this(log, StreamrecSettings.of(params, weights), catalogue, List.of(), seed, CatalogueFeed.Arrival.START);
    }

    /** @param tags user tags on catalogue items, oldest first, each applied at its time */
    StreamrecModel(ReplayLog log, StreamrecSettings settings, List<CatalogueItem> catalogue, List<CatalogueTag> tags,
                   long seed, CatalogueFeed.Arrival arrival) {
        this.log = log;
        this.settings = settings;
        this.arrival = arrival;
        this.tagCount = tags.size();
        this.model = SharedModel.empty(settings.params(), false);
        this.step = new OnlineStep(model, settings.weights(), settings.lifecycle(), settings.reranking(),
                new Random(seed));
        this.items = new InMemoryItemSide(model, settings.lifecycle(), settings.itemPublishIntervalMs());
        this.profiles = new UserProfile[log.users().size()];
        this.seen = new SeenItems[log.users().size()];
        this.shown = new ShownList[log.users().size()];
        this.catalogue = new CatalogueFeed(log, catalogue, tags, arrival);
        this.ranking = settings.ranker().learned()
                ? new InMemoryRanker(model, settings.ranker(), settings.itemPublishIntervalMs(), seed) : null;
        this.contentTraining = settings.content().learned()
                ? new ContentTraining(settings.content(), model.index().content(), seed) : null;
        // The catalogue known before the stream is set up here, not in the replay's time, and so
        // is the content encoder's first training on it.
        this.catalogue.start(this::describe);
        if (contentTraining != null) {
            contentTraining.start();
        }
    }

    @Override
    public String name() {
        return "streamrec";
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", ModelParams.VERSION);
        out.put("model", settings.params().toString());
        out.put("event_weights", settings.weights().asMap());
        out.put("lifecycle", settings.lifecycle().toString());
        out.put("item_publish_interval_ms", settings.itemPublishIntervalMs());
        if (settings.reranking().reorders()) {
            out.put("diversity", settings.reranking().diversifier().diversity());
            out.put("max_per_category", settings.reranking().diversifier().maxPerCategory());
        }
        out.put("catalogue_arrival", arrival.name().toLowerCase(Locale.ROOT));
        out.put("catalogue_tags", tagCount);
        out.put("final_blend_weights", model.blend().toString());
        out.put("content_encoder", settings.content().encoder().configName());
        if (contentTraining != null) {
            out.put("content_encoder_fits", contentTraining.fits());
        }
        if (ranking != null) {
            out.put("ranker", settings.ranker().toString());
            out.put("ranker_steps", ranking.steps());
            out.put("final_ranker", String.valueOf(model.ranker().get()));
        }
        return out;
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        advanceTo(now);
        listSize = n;
        UserProfile profile = profiles[user] == null ? UserProfile.empty() : profiles[user];
        List<ScoredItem> list = step.list(profile, seen[user], n, now);
        if (!profile.isCold()) {
            shown[user] = ShownList.of(list);
        }
        int[] items = new int[list.size()];
        for (int r = 0; r < items.length; r++) {
            items[r] = log.items().find(list.get(r).item());
        }
        return items;
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        long time = event.timestamp();
        advanceTo(time);
        if (profiles[user] == null) {
            profiles[user] = UserProfile.empty();
            seen[user] = new SeenItems();
        }
        if (ranking != null) {
            ranking.learnFrom(step, profiles[user], seen[user], event.item(), event.type(), newForUser, listSize,
                    time);
        }
        ShownList last = shown[user];
        // The list answered by this event; the refresh after it would replace it live.
        shown[user] = null;
        items.owe(step.learn(profiles[user], event.item(), event.type(), time, newForUser, last));
        // An event that is not learned from still excludes its item, as the protocol asks.
        seen[user].add(event.item());
        newestEventTime = Math.max(newestEventTime, time);
    }

    /** Brings the model to event time {@code now}: catalogue arrivals, owed updates applied, idle ids expired. */
    private void advanceTo(long now) {
        catalogue.due(now, this::arrive);
        items.advanceTo(now);
        if (ranking != null) {
            ranking.advanceTo(now);
        }
        expireIdle(now);
    }

    private void describe(CatalogueItem item, List<String> tags) {
        items.describe(item.id(), ItemMetadata.of(item.title(), item.categories(), tags, true));
    }

    /** An item (re-)described during the stream: a catalogue change, which the content encoder may retrain on. */
    private void arrive(CatalogueItem item, List<String> tags) {
        describe(item, tags);
        if (contentTraining != null) {
            contentTraining.catalogueChanged();
        }
    }

    /** Stops the ranker's training thread. */
    @Override
    public void close() {
        if (ranking != null) {
            ranking.close();
        }
    }

    /** Users and items idle past the lifecycle's TTLs are forgotten, checked as often as live, in event time. */
    private void expireIdle(long now) {
        Lifecycle lifecycle = settings.lifecycle();
        if (!lifecycle.expires() || now < nextIdleCheck) {
            return;
        }
        nextIdleCheck = now + lifecycle.checkIntervalMs();
        for (int user = 0; user < profiles.length; user++) {
            if (profiles[user] != null && lifecycle.userIdle(profiles[user].lastEventTimestamp, newestEventTime)) {
                profiles[user] = null;
                seen[user] = null;
                shown[user] = null;
            }
        }
        items.expireIdle(newestEventTime);
    }
}
