package io.streamrec.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Parsing of POST bodies, with the 400 message a client needs to fix the request. */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {}

    /** The body as a JSON object; 400 naming {@code example} otherwise. */
    static JsonNode object(String body, String example) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not valid JSON: " + e.getOriginalMessage());
        }
        ApiError.check(json != null && json.isObject(), "body must be a JSON object like " + example);
        return json;
    }

    /** A required, non-empty array of ids (duplicates dropped, order kept), at most {@code max} of them. */
    static List<String> ids(JsonNode json, String field, int maxIdLength, int max) {
        JsonNode array = json.get(field);
        ApiError.check(array != null && array.isArray() && !array.isEmpty(),
                field + " is required and must be a non-empty array of ids");
        ApiError.check(array.size() <= max, field + " may hold at most " + max + " ids, has " + array.size());
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (JsonNode id : array) {
            ApiError.check(id.isTextual() && !id.asText().isBlank(), field + " must hold non-empty strings");
            ApiError.check(id.asText().length() <= maxIdLength,
                    "an id in " + field + " is longer than " + maxIdLength + " characters");
            ids.add(id.asText());
        }
        return new ArrayList<>(ids);
    }

    /** An optional id; null when absent. */
    static String optionalId(JsonNode json, String field, int maxIdLength) {
        JsonNode id = json.get(field);
        if (id == null || id.isNull()) {
            return null;
        }
        ApiError.check(id.isTextual() && !id.asText().isBlank(), field + " must be a non-empty string");
        ApiError.check(id.asText().length() <= maxIdLength, field + " is longer than " + maxIdLength + " characters");
        return id.asText();
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
}
