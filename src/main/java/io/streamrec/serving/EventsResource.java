package io.streamrec.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.events.AvroSerdes;
import io.streamrec.events.Validation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * {@code POST /v1/events} with {@code {"user":"u1","item":"i9","type":"CLICK"}} (optional
 * {@code timestamp}: epoch ms or ISO-8601, {@code value}, {@code session}): validated by the same
 * rules as the topology, encoded as Avro and published to `interactions` keyed by user.
 * 202 with where it landed; 400 with the reason for an invalid event (nothing is published);
 * 503 with {@code Retry-After} when Kafka did not take it in time (the broker down or
 * unreachable): the producer's delivery timeout bounds the wait, so the request never hangs,
 * and a 202 is only ever answered once the broker acknowledged the event (acks=all).
 */
final class EventsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPES = Arrays.stream(EventType.values()).filter(t -> t != EventType.UNKNOWN)
            .map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("");

    /** Seconds a client should wait before posting again after a 503: about one delivery timeout. */
    static final int RETRY_AFTER_SECONDS = 5;
    /**
     * A backstop only: the producer fails a send by itself after its delivery timeout, which
     * StreamrecApp keeps well below this, so the answer normally reflects Kafka's own outcome.
     */
    private static final long SEND_BACKSTOP_SECONDS = 30;

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Validation validation;

    EventsResource(Producer<String, byte[]> producer, String topic, Validation validation) {
        this.producer = producer;
        this.topic = topic;
        this.validation = validation;
    }

    void post(Context ctx) {
        Interaction event = parse(ctx.body());
        String reason = validation.check(event, System.currentTimeMillis());
        ApiError.check(reason == null, reason);
        try {
            RecordMetadata landed = producer.send(new ProducerRecord<>(topic, event.getUser(),
                    AvroSerdes.INTERACTION.encode(event))).get(SEND_BACKSTOP_SECONDS, TimeUnit.SECONDS);
            ctx.status(202).json(Map.of("topic", landed.topic(), "partition", landed.partition(),
                    "offset", landed.offset(), "id", new EventId(landed.topic(), landed.partition(), landed.offset()).id()));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // KafkaException: send() itself gave up waiting for metadata (max.block.ms).
            throw unavailable(ctx, "could not publish the event to Kafka, retry after " + RETRY_AFTER_SECONDS
                    + " s: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(ctx, "interrupted while publishing");
        }
    }

    private static ApiError unavailable(Context ctx, String message) {
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return new ApiError(503, message);
    }

    static Interaction parse(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        }
        ApiError.check(json != null && json.isObject(), "body must be a JSON object like "
                + "{\"user\":\"u1\",\"item\":\"i9\",\"type\":\"CLICK\"}");
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
        JsonNode node = json.get("timestamp");
        if (node == null || node.isNull()) {
            return Instant.now();
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        ApiError.check(node.isTextual(), "timestamp must be epoch milliseconds or an ISO-8601 string");
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("timestamp '" + node.asText() + "' is not ISO-8601 (e.g. 2026-01-31T12:00:00Z)");
        }
    }
}
