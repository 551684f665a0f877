package io.streamrec.topology;

import io.streamrec.avro.Item;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.Neighbour;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.ScoredItem;
import io.streamrec.model.online.ShownList;
import io.streamrec.stores.VectorBytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translates between the stored Avro records and the model's plain objects. */
final class ModelCodec {
    private ModelCodec() {}

    /**
     * Made by the record's constructor, not its builder: an event owes about 16 of these, and the
     * builder's set-up and checks showed in the user side's profile. Each argument has its own
     * type, so the compiler holds them to the schema's order.
     */
    static ItemDelta delta(ItemUpdate update) {
        return new ItemDelta(VectorBytes.pack(update.gradient()), update.newUsers(), update.popularity(),
                update.eventTimestamp(), neighbours(update.coVisits()));
    }

    static ItemUpdate update(String item, ItemDelta delta) {
        Map<String, Float> coVisits = new HashMap<>();
        for (Neighbour n : delta.getCoVisits()) {
            coVisits.merge(n.getItem(), n.getWeight(), Float::sum);
        }
        return new ItemUpdate(item, VectorBytes.unpack(delta.getGradient()), delta.getNewUsers(), delta.getPopularity(),
                delta.getEventTimestamp(), coVisits);
    }

    static ItemRecord record(String item, ItemVector stored, int neighbourCapacity) {
        if (stored == null) {
            return null;
        }
        ItemRecord record = new ItemRecord(item, VectorBytes.unpack(stored.getVector()), neighbourCapacity);
        record.distinctUsers = stored.getDistinctUsers();
        record.popularity = stored.getPopularity();
        record.popularityTimestamp = stored.getPopularityTimestamp();
        for (Neighbour n : stored.getNeighbours()) {
            record.neighbours.append(n.getItem(), n.getWeight());
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
                .setVector(VectorBytes.pack(record.vector))
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
     * An emitted list as the user received it, for crediting their next pick; null when it says
     * nothing to credit: not personalised, or naming a source this version does not know (a list
     * from another version).
     */
    static ShownList shown(Recommendations list) {
        if (list == null || !list.getPersonalized()) {
            return null;
        }
        List<String> items = new ArrayList<>(list.getItems().size());
        List<ScoredItem.Source> sources = new ArrayList<>(list.getItems().size());
        for (RecommendedItem item : list.getItems()) {
            try {
                sources.add(ScoredItem.Source.valueOf(item.getSource().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
            items.add(item.getItem());
        }
        return new ShownList(items, sources);
    }

    static List<Neighbour> neighbours(Map<String, Float> weights) {
        List<Neighbour> list = new ArrayList<>(weights.size());
        weights.forEach((item, weight) -> list.add(new Neighbour(item, weight)));
        return list;
    }
}
