package io.streamrec.stores;

import io.streamrec.avro.UserState;
import io.streamrec.model.UserProfile;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads one user's learned state (user-state and user-seen stores) by interactive query on the
 * instance that owns the user's partition, for answers computed live rather than read from the
 * stored list. Throws Kafka Streams' InvalidStateStoreException while the stores are restoring.
 */
public final class UserStateQuery {
    private UserStateQuery() {}

    /** The user's profile and full history, or null when the user has no state. */
    public record UserView(UserProfile profile, Set<String> seen, long lastEventTimestamp, int lastEventPartition,
                           long lastEventOffset) {}

    public static UserView read(KafkaStreams streams, String user, int partition) {
        ReadOnlyKeyValueStore<String, UserState> users = streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.USER_STATE, QueryableStoreTypes.<String, UserState>keyValueStore())
                .withPartition(partition));
        UserState state = users.get(user);
        if (state == null) {
            return null;
        }
        ReadOnlyKeyValueStore<String, Long> seenStore = streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.USER_SEEN, QueryableStoreTypes.<String, Long>keyValueStore())
                .withPartition(partition));
        Set<String> seen = StoreNames.seenItems(seenStore, user);
        return new UserView(UserStateCodec.profile(state), seen, state.getLastEventTimestamp(),
                state.getLastEventPartition(), state.getLastEventOffset());
    }
}
