package io.streamrec.serving;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.streamrec.model.UserProfile;
import io.streamrec.stores.StoreNames;
import io.streamrec.stores.UserStateQuery;
import io.streamrec.stores.UserStateQuery.UserView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * A user's learned state, wherever it lives: read from this instance's stores when it owns the
 * user, else fetched from the owner's internal endpoint
 * {@code GET /v1/internal/users/{userId}/state} (which this class also answers).
 */
final class UserStates {
    static final String INTERNAL_PATH = "/v1/internal/users/";
    /** Decimal text kept as written, so a vector read back is the very float[] the owner holds. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final KafkaStreams streams;
    private final KeyRouter router;
    private final int maxIdLength;

    UserStates(KafkaStreams streams, KeyRouter router, int maxIdLength) {
        this.streams = streams;
        this.router = router;
        this.maxIdLength = maxIdLength;
    }

    /** The user's state on this instance, which owns {@code partition}; null for a user without events. */
    UserView local(String user, int partition) {
        try {
            return UserStateQuery.read(streams, user, partition);
        } catch (InvalidStateStoreException e) {
            throw new ApiError(503, "the state of user " + user + " is being restored; retry shortly");
        }
    }

    /** The user's state from whichever instance owns it; null for a user without events. */
    UserView anywhere(String user) {
        KeyLocator.Route route = router.route(StoreNames.USER_STATE, user);
        switch (route.kind()) {
            case LOCAL:
                return local(user, route.partition());
            case REMOTE:
                Relay.Fetched answer = router.fetch(route.host(), INTERNAL_PATH
                        + URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20") + "/state");
                if (answer.status() == 404) {
                    return null;
                }
                if (answer.status() != 200) {
                    throw new ApiError(503, "the owner of user " + user + " answered " + answer.status() + ": "
                            + answer.body());
                }
                return decode(answer.body());
            default:
                throw new ApiError(503, "the instance owning user " + user + " is not available (rebalancing); "
                        + "retry shortly");
        }
    }

    /** {@code GET /v1/internal/users/{userId}/state}: the owner's copy of the user's state; 404 without events. */
    void internal(Context ctx) {
        String user = QueryParams.id(ctx, "userId", maxIdLength);
        router.serveFromOwner(ctx, StoreNames.USER_STATE, user, partition -> {
            UserView view = local(user, partition);
            if (view == null) {
                throw new ApiError(404, "unknown user " + user);
            }
            ctx.json(encode(user, view));
        });
    }

    private static Map<String, Object> encode(String user, UserView view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("vector", view.profile().vector);
        out.put("recentItems", view.profile().recentItems);
        out.put("recentTypes", view.profile().recentTypes);
        out.put("seen", view.seen());
        out.put("events", view.profile().events);
        out.put("lastEventTimestamp", view.lastEventTimestamp());
        out.put("lastEventPartition", view.lastEventPartition());
        out.put("lastEventOffset", view.lastEventOffset());
        return out;
    }

    private static UserView decode(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            float[] vector = null;
            if (json.path("vector").isArray()) {
                JsonNode values = json.get("vector");
                vector = new float[values.size()];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = values.get(d).decimalValue().floatValue();
                }
            }
            List<String> recent = new ArrayList<>();
            json.path("recentItems").forEach(item -> recent.add(item.asText()));
            List<String> types = new ArrayList<>();
            json.path("recentTypes").forEach(type -> types.add(type.isNull() ? null : type.asText()));
            Set<String> seen = new HashSet<>();
            json.path("seen").forEach(item -> seen.add(item.asText()));
            UserProfile profile = new UserProfile(vector, recent, types, json.path("events").asLong(),
                    json.path("lastEventTimestamp").asLong());
            return new UserView(profile, seen, json.path("lastEventTimestamp").asLong(),
                    json.path("lastEventPartition").asInt(), json.path("lastEventOffset").asLong());
        } catch (Exception e) {
            throw new ApiError(503, "the owner's answer about a user does not decode: " + e.getMessage());
        }
    }
}
