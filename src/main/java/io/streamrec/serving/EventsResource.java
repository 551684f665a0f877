package io.streamrec.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.events.AvroSerdes;
import io.streamrec.events.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code POST /v1/events} with {@code {"user":"u1","item":"i9","type":"CLICK"}} (optional
 * {@code timestamp}: epoch ms or ISO-8601, {@code value}, {@code session}), or a JSON array of
 * such events (at most {@link #MAX_BATCH}): validated by the same rules as the topology, encoded
 * as Avro and published to `interactions` keyed by user. 202 with where it landed (for an array,
 * {@code {"events": [...]}}, one entry per event in order); 400 with the reason for an invalid
 * event, naming its index in an array, and then nothing is published; 503 with {@code Retry-After}
 * when Kafka did not take the events in time (see {@link Publisher}).
 */
final class EventsResource {
    static final int MAX_BATCH = 1000;
    private static final String EXAMPLE = "{\"user\":\"u1\",\"item\":\"i9\",\"type\":\"CLICK\"}";
    private static final String TYPES = Arrays.stream(EventType.values()).filter(t -> t != EventType.UNKNOWN)
            .map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("");

    private final Publisher publisher;
    private final String topic;
    private final Validation validation;

    EventsResource(Publisher publisher, String topic, Validation validation) {
        this.publisher = publisher;
        this.topic = topic;
        this.validation = validation;
    }

    void post(Context ctx) {
        JsonNode body = JsonBody.parse(ctx.bodyAsBytes());
        if (!body.isArray()) {
            ctx.status(202).json(publisher.sendAll(List.of(record(checked(event(body))))).get(0));
            return;
        }
        ApiError.check(!body.isEmpty() && body.size() <= MAX_BATCH,
                "a batch must hold 1 to " + MAX_BATCH + " events, has " + body.size());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                records.add(record(checked(event(body.get(i)))));
            } catch (ApiError e) {
                throw ApiError.badRequest("events[" + i + "]: " + e.getMessage());
            }
        }
        ctx.status(202).json(Map.of("events", publisher.sendAll(records)));
    }

    private Interaction checked(Interaction event) {
        String reason = validation.check(event, System.currentTimeMillis());
        ApiError.check(reason == null, reason);
        return event;
    }

    private ProducerRecord<String, byte[]> record(Interaction event) {
        return new ProducerRecord<>(topic, event.getUser(), AvroSerdes.INTERACTION.encode(event));
    }

    static Interaction parse(String body) {
        return event(JsonBody.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Interaction event(JsonNode json) {
        JsonBody.object(json, EXAMPLE);
        return Interaction.newBuilder()
                .setUser(text(json, "user"))
                .setItem(text(json, "item"))
                .setType(type(json))
                .setValue(value(json))
                .setTimestamp(timestamp(json))
                .setSession(json.hasNonNull("session") ? json.get("session").asText() : null)
                .build();
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        ApiError.check(node != null && node.isTextual(), field + " is required and must be a string");
        return node.asText();
    }

    private static EventType type(JsonNode json) {
        String type = text(json, "type").toUpperCase(Locale.ROOT);
        try {
            EventType parsed = EventType.valueOf(type);
            ApiError.check(parsed != EventType.UNKNOWN, "type must be one of " + TYPES);
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("type must be one of " + TYPES + ", was '" + type + "'");
        }
    }

    private static Double value(JsonNode json) {
        JsonNode node = json.get("value");
        if (node == null || node.isNull()) {
            return null;
        }
        ApiError.check(node.isNumber(), "value must be a number");
        return node.asDouble();
    }

    private static Instant timestamp(JsonNode json) {
        Instant time = JsonBody.time(json, "timestamp");
        return time == null ? Instant.now() : time;
    }
}
