package io.streamrec.topology;

import io.streamrec.avro.Item;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.Neighbour;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.avro.UserState;
import io.streamrec.model.ItemMetadata;
import io.streamrec.model.ItemRecord;
import io.streamrec.model.ItemUpdate;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/** Translates between the stored Avro records and the model's plain objects. */
final class ModelCodec {
    private ModelCodec() {}

    static ByteBuffer pack(float[] vector) {
        if (vector == null) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer;
    }

    static float[] unpack(ByteBuffer bytes) {
        if (bytes == null || bytes.remaining() == 0) {
            return null;
        }
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    static UserProfile profile(UserState state) {
        return state == null ? UserProfile.empty()
                : new UserProfile(unpack(state.getVector()), state.getRecentItems(), knownTypes(state.getRecentTypes()),
                state.getEvents(), state.getLastEventTimestamp());
    }

    static UserState userState(UserProfile profile, int partition, long offset) {
        return UserState.newBuilder()
                .setVector(pack(profile.vector))
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

    static ItemDelta delta(ItemUpdate update) {
        return ItemDelta.newBuilder()
                .setGradient(pack(update.gradient()))
                .setNewUsers(update.newUsers())
                .setPopularity(update.popularity())
                .setEventTimestamp(update.eventTimestamp())
                .setCoVisits(neighbours(update.coVisits()))
                .build();
    }

    /** One delta equal to applying {@code earlier} then {@code later} (see {@link DeltaSum}). */
    static ItemDelta combine(ItemDelta earlier, ItemDelta later, long popularityHalfLifeMs) {
        return new DeltaSum(earlier, popularityHalfLifeMs).add(later).toDelta();
    }

    static ItemUpdate update(String item, ItemDelta delta) {
        Map<String, Float> coVisits = new HashMap<>();
        for (Neighbour n : delta.getCoVisits()) {
            coVisits.merge(n.getItem(), n.getWeight(), Float::sum);
        }
        return new ItemUpdate(item, unpack(delta.getGradient()), delta.getNewUsers(), delta.getPopularity(),
                delta.getEventTimestamp(), coVisits);
    }

    static ItemRecord record(String item, ItemVector stored, int neighbourCapacity) {
        if (stored == null) {
            return null;
        }
        ItemRecord record = new ItemRecord(item, unpack(stored.getVector()), neighbourCapacity);
        record.distinctUsers = stored.getDistinctUsers();
        record.popularity = stored.getPopularity();
        record.popularityTimestamp = stored.getPopularityTimestamp();
        for (Neighbour n : stored.getNeighbours()) {
            record.neighbours.add(n.getItem(), n.getWeight());
        }
        record.known = stored.getKnown();
        record.metadata = new ItemMetadata(stored.getTitle(), stored.getCategories(), stored.getTags(),
                stored.getAvailable(), stored.getPrice(), stored.getAvailableFrom(), stored.getExpires());
        return record;
    }

    /** The catalogue's description of an item as the model keeps it. */
    static ItemMetadata metadata(Item item) {
        return new ItemMetadata(item.getTitle(), item.getCategories(), item.getTags(), item.getAvailable(),
                item.getPrice(), epochMs(item.getAvailableFrom()), epochMs(item.getExpires()));
    }

    private static Long epochMs(Instant time) {
        return time == null ? null : time.toEpochMilli();
    }

    static ItemVector itemVector(ItemRecord record) {
        ItemMetadata metadata = record.metadata;
        List<Neighbour> neighbours = new ArrayList<>(record.neighbours.size());
        for (int i = 0; i < record.neighbours.size(); i++) {
            neighbours.add(new Neighbour(record.neighbours.id(i), record.neighbours.weight(i)));
        }
        return ItemVector.newBuilder()
                .setVector(pack(record.vector))
                .setDistinctUsers(record.distinctUsers)
                .setPopularity(record.popularity)
                .setPopularityTimestamp(record.popularityTimestamp)
                .setNeighbours(neighbours)
                .setKnown(record.known)
                .setTitle(metadata.title())
                .setCategories(new ArrayList<>(metadata.categories()))
                .setTags(new ArrayList<>(metadata.tags()))
                .setAvailable(metadata.available())
                .setPrice(metadata.price())
                .setAvailableFrom(metadata.availableFrom())
                .setExpires(metadata.expires())
                .build();
    }

    /** Each source's name as lists carry it, made once: every refresh names 50 items' sources. */
    private static final String[] SOURCE_NAMES = Arrays.stream(ScoredItem.Source.values())
            .map(source -> source.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    static RecommendedItem recommended(ScoredItem scored) {
        return new RecommendedItem(scored.item(), scored.score(), scored.reason(),
                SOURCE_NAMES[scored.source().ordinal()]);
    }

    /**
     * The source of each item of an emitted list, in list order, and the position of {@code picked}
     * in it (-1 when absent), handed to {@code observer}; a source this version does not know (a list
     * from another version) makes the list say nothing.
     */
    static void picked(Recommendations list, String picked, ObjIntConsumer<List<ScoredItem.Source>> observer) {
        List<ScoredItem.Source> sources = new ArrayList<>(list.getItems().size());
        int hit = -1;
        for (RecommendedItem item : list.getItems()) {
            try {
                sources.add(ScoredItem.Source.valueOf(item.getSource().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return;
            }
            if (item.getItem().equals(picked)) {
                hit = sources.size() - 1;
            }
        }
        observer.accept(sources, hit);
    }

    static List<Neighbour> neighbours(Map<String, Float> weights) {
        List<Neighbour> list = new ArrayList<>(weights.size());
        weights.forEach((item, weight) -> list.add(new Neighbour(item, weight)));
        return list;
    }
}
