package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.avro.Recommendations;
import io.streamrec.model.ModelParams;
import io.streamrec.model.Recommender;
import io.streamrec.topology.StoreNames;
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
 * While the owner's copy cannot answer (moving, restoring, its instance gone) a standby replica
 * answers, marked {@code X-Streamrec-Stale: true}. 400 when n is not in
 * 1..streamrec.recommendations.size; 503 when no copy can answer.
 * With {@code after=<event id>&waitMs=1000} it answers once the list reflects that event, 504 when
 * not in time (see {@link ReadYourWrites}); the owning instance waits, a forwarding one relays.
 */
final class RecommendationsResource {
    private final KafkaStreams streams;
    private final KeyRouter router;
    private final Recommender recommender;
    private final int maxIdLength;
    private final int listSize;
    private final ReadYourWrites readYourWrites;

    RecommendationsResource(KafkaStreams streams, KeyRouter router, Recommender recommender, int maxIdLength,
                            int listSize, ReadYourWrites readYourWrites) {
        this.streams = streams;
        this.router = router;
        this.recommender = recommender;
        this.maxIdLength = maxIdLength;
        this.listSize = listSize;
        this.readYourWrites = readYourWrites;
    }

    void get(Context ctx) {
        String user = QueryParams.id(ctx, "userId", maxIdLength);
        int n = QueryParams.intParam(ctx, "n", Math.min(20, listSize), 1, listSize);
        ReadYourWrites.Wait wait = readYourWrites.parse(ctx);
        if (wait == null) {
            router.serve(ctx, StoreNames.RECOMMENDATIONS, user, (partition, stale) -> local(user, n, partition, stale));
            return;
        }
        // Only the active copy learns the awaited event, so a wait is never answered by a standby.
        KeyRouter.Route route = router.route(StoreNames.RECOMMENDATIONS, user);
        switch (route.kind()) {
            case UNAVAILABLE -> throw new ApiError(503, "the instance owning user " + user
                    + " is not available (rebalancing); retry shortly");
            case REMOTE -> router.forward(ctx, route.host());
            case LOCAL -> ctx.future(() -> readYourWrites.await(user, wait, () -> stored(user, route.partition()))
                    .thenAccept(list -> ctx.json(ListResponse.ofStored(list, n, recommender::isIndexed))));
        }
    }

    /** @throws InvalidStateStoreException when this instance has no readable copy of the partition */
    private ListResponse local(String user, int n, int partition, boolean stale) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, Recommendations>> query = StoreQueryParameters
                .fromNameAndType(StoreNames.RECOMMENDATIONS, QueryableStoreTypes.<String, Recommendations>keyValueStore())
                .withPartition(partition);
        Recommendations list = streams.store(stale ? query.enableStaleStores() : query).get(user);
        if (list == null && stale) {
            return null; // a standby may simply not have it yet: let the router ask another copy
        }
        if (list != null) {
            // An item deleted since the list was computed is never served; the list itself is re-emitted shortly.
            return ListResponse.ofStored(list, n, recommender::isIndexed);
        }
        return ListResponse.ofScored(user, null, false,
                recommender.trending(Set.of(), entry -> true, n, System.currentTimeMillis()), ModelParams.VERSION);
    }

    private Recommendations stored(String user, int partition) {
        try {
            ReadOnlyKeyValueStore<String, Recommendations> store = streams.store(StoreQueryParameters
                    .fromNameAndType(StoreNames.RECOMMENDATIONS, QueryableStoreTypes.<String, Recommendations>keyValueStore())
                    .withPartition(partition));
            return store.get(user);
        } catch (InvalidStateStoreException e) {
            throw new ApiError(503, "recommendations of user " + user + " are being restored; retry shortly");
        }
    }
}
