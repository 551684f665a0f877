package io.streamrec.events;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import java.time.Instant;

/**
 * The rules an interaction must pass before anything learns from it. Each failure names the
 * field and the value, so a producer's team can fix it from the dead-letter record alone.
 *
 * @param maxIdLength    longest accepted user or item id
 * @param minTimestampMs earliest accepted event time (catches seconds sent as milliseconds)
 * @param maxFutureMs    how far ahead of this instance's clock an event time may be
 */
public record Validation(int maxIdLength, long minTimestampMs, long maxFutureMs) {

    /** 1990-01-01: earlier event times are almost always seconds mistaken for milliseconds. */
    public static final long DEFAULT_MIN_TIMESTAMP_MS = 631_152_000_000L;

    public static Validation defaults() {
        return new Validation(256, DEFAULT_MIN_TIMESTAMP_MS, 24L * 3600 * 1000);
    }

    /** @return null when the interaction is valid, else the reason it is not */
    public String check(Interaction event, long nowMs) {
        String reason = checkId("user", event.getUser());
        if (reason == null) {
            reason = checkId("item", event.getItem());
        }
        if (reason != null) {
            return reason;
        }
        if (event.getType() == null || event.getType() == EventType.UNKNOWN) {
            return "unknown event type";
        }
        Double value = event.getValue();
        if (value != null && !Double.isFinite(value)) {
            return "value is not finite: " + value;
        }
        long time = event.getTimestamp().toEpochMilli();
        if (time < minTimestampMs) {
            return "timestamp " + time + " is before " + Instant.ofEpochMilli(minTimestampMs)
                    + " (seconds sent as milliseconds?)";
        }
        if (time > nowMs + maxFutureMs) {
            return "timestamp " + Instant.ofEpochMilli(time) + " is more than " + maxFutureMs
                    + " ms in the future";
        }
        return null;
    }

    private String checkId(String field, String id) {
        if (id == null || id.isBlank()) {
            return field + " id is empty";
        }
        if (id.length() > maxIdLength) {
            return field + " id is " + id.length() + " characters, longer than " + maxIdLength;
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return field + " id contains a control character";
            }
        }
        String unicode = unicodeProblem(id);
        return unicode == null ? null : field + " id " + unicode;
    }

    /**
     * Why {@code text} is not well-formed Unicode (an unpaired surrogate, which no UTF-8 byte
     * sequence encodes, so Kafka's UTF-8 keys would turn it into '?' and merge distinct ids), or
     * null when it is well-formed.
     */
    public static String unicodeProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("is not valid Unicode: unpaired surrogate \\u%04x at index %d", (int) c, i);
            }
        }
        return null;
    }
}
