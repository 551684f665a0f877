package io.streamrec.stores;

import io.streamrec.avro.UserState;
import io.streamrec.model.UserProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the user-state store's {@link UserState} record and the model's
 * {@link UserProfile}: the topology writes it, interactive queries read it back. A recent type
 * not known (null in the profile) is stored as '' because the Avro list holds plain strings.
 */
public final class UserStateCodec {
    private UserStateCodec() {}

    /** The stored user's profile; an empty one for a user without state. */
    public static UserProfile profile(UserState state) {
        return state == null ? UserProfile.empty()
                : new UserProfile(VectorBytes.unpack(state.getVector()), state.getRecentItems(),
                knownTypes(state.getRecentTypes()), state.getEvents(), state.getLastEventTimestamp());
    }

    /** The record to store for {@code profile}, learned up to the event at {@code partition}/{@code offset}. */
    public static UserState userState(UserProfile profile, int partition, long offset) {
        return UserState.newBuilder()
                .setVector(VectorBytes.pack(profile.vector))
                .setRecentItems(new ArrayList<>(profile.recentItems))
                .setRecentTypes(profile.recentTypes.stream().map(type -> type == null ? "" : type).toList())
                .setEvents(profile.events)
                .setLastEventTimestamp(profile.lastEventTimestamp)
                .setLastEventPartition(partition)
                .setLastEventOffset(offset)
                .build();
    }

    /** The stored recent types with '' (not known) read back as null. */
    private static List<String> knownTypes(List<String> stored) {
        List<String> types = new ArrayList<>(stored.size());
        stored.forEach(type -> types.add(type.isEmpty() ? null : type));
        return types;
    }
}
