package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ModelParams;
import io.streamrec.model.ranking.Recommender;
import io.streamrec.model.ScoredItem;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.StoredList;
import io.streamrec.stores.UserStateQuery.UserView;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /v1/users/{userId}/recommendations?n=20}: the user's current list, read from the
 * recommendations store of the instance that owns the user (forwarded there when that is not
 * this one). A user without a list yet gets trending items with {@code "personalized": false}.
 * With business rules or diversity ({@link PolicyParams}) the stored list is filtered when
 * enough of it passes; when too little does, or a boost or diversity changes the order, the list
 * is computed live from the user's state. An item deleted since the list was computed is never
 * served. While the owner's copy cannot answer (moving, restoring, its instance gone) a standby
 * replica answers, marked {@code X-Streamrec-Stale: true}. With {@code after=<event id>&waitMs=1000}
 * it answers once the list reflects that event, 504 when not in time (see {@link ReadYourWrites});
 * the owning instance waits, a forwarding one relays. 400 when n is not in
 * 1..streamrec.recommendations.size or a rule is malformed; 503 when no copy can answer.
 */
final class RecommendationsResource {
    static final Set<String> PARAMS = QueryParams.with(PolicyParams.NAMES, QueryParams.N, ReadYourWrites.AFTER,
            ReadYourWrites.WAIT_MS);

    private final KafkaStreams streams;
    private final KeyRouter router;
    private final Recommender recommender;
    private final ItemIndex index;
    private final UserStates users;
    private final ListPolicy defaults;
    private final RequestLimits limits;
    private final ReadYourWrites readYourWrites;

    RecommendationsResource(KafkaStreams streams, KeyRouter router, Recommender recommender, ItemIndex index,
                            UserStates users, ListPolicy defaults, RequestLimits limits, ReadYourWrites readYourWrites) {
        this.streams = streams;
        this.router = router;
        this.recommender = recommender;
        this.index = index;
        this.users = users;
        this.defaults = defaults;
        this.limits = limits;
        this.readYourWrites = readYourWrites;
    }

    void get(Context ctx) {
        String user = QueryParams.id(ctx, "userId", limits.maxIdLength());
        int n = QueryParams.n(ctx, 20, limits.maxN());
        ListPolicy request = PolicyParams.parse(ctx);
        ReadYourWrites.Wait wait = readYourWrites.parse(ctx);
        if (wait == null) {
            router.serve(ctx, StoreNames.RECOMMENDATIONS, user, (partition, stale) -> {
                StoredList list = stored(user, partition, stale);
                // A standby may simply not have the user yet: null lets the router ask another copy.
                return list == null && stale ? null : answer(user, n, partition, request, list);
            });
            return;
        }
        // Only the active copy learns the awaited event, so a wait is never answered by a standby.
        KeyLocator.Route route = router.route(StoreNames.RECOMMENDATIONS, user);
        switch (route.kind()) {
            case UNAVAILABLE -> throw new ApiError(503, "the instance owning user " + user
                    + " is not available (rebalancing); retry shortly");
            case REMOTE -> router.forward(ctx, route.host());
            case LOCAL -> ctx.future(() -> readYourWrites.await(user, wait, () -> activeList(user, route.partition()))
                    .thenAccept(list -> JsonAnswer.write(ctx, answer(user, n, route.partition(), request, list))));
        }
    }

    /** The answer: JSON rendered from the stored list when it serves, else a {@link ListResponse}. */
    private Object answer(String user, int n, int partition, ListPolicy request, StoredList list) {
        long now = System.currentTimeMillis();
        ListPolicy policy = defaults.and(request);
        if (list != null && !request.reorders()) {
            // The stored list already obeys the defaults as they were when it was emitted; items may
            // have been deleted or expired since, and the request may filter further.
            StoredListView view = StoredListView.of(list);
            if (view.admit(index, policy.rules(), n, now)) {
                return view.json();
            }
        }
        UserView view = list == null ? null : users.local(user, partition);
        if (view == null) {
            return ListResponse.ofScored(user, null, false,
                    policy.recommend(recommender, index, null, null, Set.of(), n, now), ModelParams.VERSION);
        }
        List<ScoredItem> live = policy.recommend(recommender, index, view.profile(), SeenItems.of(view.seen()),
                Set.of(), n, now);
        return ListResponse.ofLive(user, recommender.personalizes(view.profile()), live, view);
    }

    /** @throws InvalidStateStoreException when this instance has no readable copy of the partition */
    private StoredList stored(String user, int partition, boolean stale) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, StoredList>> query = StoreQueryParameters
                .fromNameAndType(StoreNames.RECOMMENDATIONS, QueryableStoreTypes.<String, StoredList>keyValueStore())
                .withPartition(partition);
        return streams.store(stale ? query.enableStaleStores() : query).get(user);
    }

    private StoredList activeList(String user, int partition) {
        try {
            return stored(user, partition, false);
        } catch (InvalidStateStoreException e) {
            throw new ApiError(503, "recommendations of user " + user + " are being restored; retry shortly");
        }
    }
}
