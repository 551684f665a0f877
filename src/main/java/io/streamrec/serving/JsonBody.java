package io.streamrec.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.events.Validation;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Parsing of request bodies, with the 400 message a client needs to fix the request. The body is
 * read as UTF-8 bytes, so bytes that are not UTF-8 are an error rather than replacement
 * characters, and a key given twice in one object is an error rather than the last one winning.
 */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBody() {}

    /** The body as JSON; 400 saying why when it is not. */
    static JsonNode parse(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            String message = e instanceof JsonProcessingException parsing
                    ? parsing.getOriginalMessage() : e.getMessage();
            throw ApiError.badRequest("body is not valid JSON: " + message);
        }
        ApiError.check(json != null && !json.isMissingNode(), "body is empty; it must be JSON");
        return json;
    }

    /** The body as a JSON object; 400 naming {@code example} otherwise. */
    static JsonNode object(byte[] body, String example) {
        return object(parse(body), example);
    }

    /** {@code json} when it is an object; 400 naming {@code example} otherwise. */
    static JsonNode object(JsonNode json, String example) {
        ApiError.check(json.isObject(), "body must be a JSON object like " + example);
        return json;
    }

    /** A required, non-blank, well-formed id of at most {@code maxIdLength} characters. */
    static String id(JsonNode node, String field, int maxIdLength) {
        ApiError.check(node != null && node.isTextual() && !node.asText().isBlank(),
                field + " must be a non-empty string");
        String id = node.asText();
        ApiError.check(id.length() <= maxIdLength, field + " is longer than " + maxIdLength + " characters");
        String unicode = Validation.unicodeProblem(id);
        ApiError.check(unicode == null, field + " " + unicode);
        return id;
    }

    /** A required, non-empty array of ids (duplicates dropped, order kept), at most {@code max} of them. */
    static List<String> ids(JsonNode json, String field, int maxIdLength, int max) {
        JsonNode array = json.get(field);
        ApiError.check(array != null && array.isArray() && !array.isEmpty(),
                field + " is required and must be a non-empty array of ids");
        ApiError.check(array.size() <= max, field + " may hold at most " + max + " ids, has " + array.size());
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            ids.add(id(array.get(i), field + "[" + i + "]", maxIdLength));
        }
        return new ArrayList<>(ids);
    }

    /** An optional id; null when absent. */
    static String optionalId(JsonNode json, String field, int maxIdLength) {
        JsonNode id = json.get(field);
        if (id == null || id.isNull()) {
            return null;
        }
        return id(id, field, maxIdLength);
    }

    /** An optional text; {@code fallback} when absent. */
    static String text(JsonNode json, String field, String fallback) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        ApiError.check(value.isTextual(), field + " must be a string");
        return value.asText();
    }

    /** The list length asked for in field "n": {@code fallback} (at most {@code max}) when absent, 400 outside 1..max. */
    static int n(JsonNode json, int fallback, int max) {
        return intField(json, QueryParams.N, Math.min(fallback, max), 1, max);
    }

    /** An optional integer in [min, max]; {@code fallback} when absent. */
    static int intField(JsonNode json, String field, int fallback, int min, int max) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        ApiError.check(value.isIntegralNumber() && value.canConvertToInt(), field + " must be an integer");
        ApiError.check(value.asInt() >= min && value.asInt() <= max,
                field + " must be between " + min + " and " + max + ", was " + value.asInt());
        return value.asInt();
    }

    /** An optional time: epoch milliseconds or ISO-8601; null when absent. */
    static Instant time(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        ApiError.check(node.isTextual(), field + " must be epoch milliseconds or an ISO-8601 string");
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + " '" + node.asText() + "' is not ISO-8601 (e.g. 2026-01-31T12:00:00Z)");
        }
    }
}
