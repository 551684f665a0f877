package io.streamrec.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.streamrec.avro.Item;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue over HTTP, through the compacted `items` topic every instance already reads:
 * {@code PUT /v1/items/{itemId}} publishes the item's metadata (replacing what was there),
 * {@code DELETE} publishes its tombstone (the item leaves every index, list and store), both
 * answered 202 with where the record landed once the broker has it; the item side applies it
 * within a publish interval. {@code GET} answers what this instance's index holds now, 404 for
 * an item it does not hold (yet).
 */
final class CatalogueResource {
    static final String EXAMPLE = "{\"title\": \"Alien (1979)\", \"categories\": [\"horror\"], \"tags\": [\"space\"], "
            + "\"available\": true, \"price\": 9.5, \"availableFrom\": \"2026-01-01T00:00:00Z\", \"expires\": null}";
    private static final Set<String> FIELDS = Set.of("id", "title", "categories", "tags", "available", "price",
            "created", "availableFrom", "expires");

    private final ItemIndex index;
    private final Publisher publisher;
    private final String topic;
    private final RequestLimits limits;

    CatalogueResource(ItemIndex index, Publisher publisher, String itemsTopic, RequestLimits limits) {
        this.index = index;
        this.publisher = publisher;
        this.topic = itemsTopic;
        this.limits = limits;
    }

    /** {@code GET /v1/items/{itemId}}: the item's metadata and availability as this instance's index holds them. */
    void get(Context ctx) {
        String id = QueryParams.id(ctx, "itemId", limits.maxIdLength());
        ItemIndex.Entry entry = index.entry(id);
        if (entry == null) {
            throw new ApiError(404, "unknown item " + id + " (not in the index: never described nor interacted "
                    + "with, deleted, or described too recently to be applied)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.id());
        ItemMetadata metadata = entry.metadata();
        out.put("title", metadata.title());
        out.put("categories", metadata.categories());
        out.put("tags", metadata.tags());
        out.put("available", metadata.available());
        out.put("price", metadata.price());
        out.put("availableFrom", instant(metadata.availableFrom()));
        out.put("expires", instant(metadata.expires()));
        out.put("distinctUsers", entry.distinctUsers());
        out.put("popularity", entry.popularity());
        ctx.json(out);
    }

    /** {@code PUT /v1/items/{itemId}} with the item's metadata: every field optional, unknown ones a 400. */
    void put(Context ctx) {
        String id = QueryParams.id(ctx, "itemId", limits.maxIdLength());
        Item item = parse(id, JsonBody.object(ctx.bodyAsBytes(), EXAMPLE), limits.maxIdLength());
        ctx.status(202).json(publisher.send(topic, id, AvroSerdes.ITEM.encode(item)));
    }

    /** {@code DELETE /v1/items/{itemId}}: the item's tombstone. */
    void delete(Context ctx) {
        String id = QueryParams.id(ctx, "itemId", limits.maxIdLength());
        ctx.status(202).json(publisher.send(topic, id, null));
    }

    static Item parse(String id, JsonNode json, int maxIdLength) {
        Set<String> unknown = new TreeSet<>();
        json.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(FIELDS);
        ApiError.check(unknown.isEmpty(), "unknown field" + (unknown.size() == 1 ? " " : "s ") + unknown
                + "; an item takes " + new TreeSet<>(FIELDS));
        if (json.hasNonNull("id")) {
            ApiError.check(id.equals(JsonBody.id(json.get("id"), "id", maxIdLength)),
                    "id in the body must be the id in the path, '" + id + "'");
        }
        JsonNode available = json.get("available");
        ApiError.check(available == null || available.isNull() || available.isBoolean(), "available must be true or false");
        JsonNode price = json.get("price");
        ApiError.check(price == null || price.isNull() || price.isNumber() && Double.isFinite(price.asDouble())
                && price.asDouble() >= 0, "price must be a number >= 0");
        return Item.newBuilder()
                .setId(id)
                .setTitle(JsonBody.text(json, "title", null))
                .setCategories(strings(json, "categories", maxIdLength))
                .setTags(strings(json, "tags", maxIdLength))
                .setAvailable(available == null || available.isNull() || available.asBoolean())
                .setPrice(price == null || price.isNull() ? null : price.asDouble())
                .setCreated(JsonBody.time(json, "created"))
                .setAvailableFrom(JsonBody.time(json, "availableFrom"))
                .setExpires(JsonBody.time(json, "expires"))
                .build();
    }

    private static List<String> strings(JsonNode json, String field, int maxLength) {
        JsonNode array = json.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        ApiError.check(array.isArray(), field + " must be an array of strings");
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(JsonBody.id(array.get(i), field + "[" + i + "]", maxLength));
        }
        return out;
    }

    private static String instant(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
    }
}
