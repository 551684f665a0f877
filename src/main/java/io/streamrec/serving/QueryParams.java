package io.streamrec.serving;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/** Parsing of query parameters, with the 400 message a client needs to fix the request. */
final class QueryParams {
    private QueryParams() {}

    /** The integer parameter {@code name} in [min, max], or {@code fallback} when absent. */
    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer, was '" + raw + "'");
        }
        ApiError.check(value >= min && value <= max, name + " must be between " + min + " and " + max + ", was " + value);
        return value;
    }

    /** The number parameter {@code name} in [min, max], or null when absent. */
    static Double doubleParam(Context ctx, String name, double min, double max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a number, was '" + raw + "'");
        }
        ApiError.check(value >= min && value <= max, name + " must be between " + min + " and " + max + ", was " + raw);
        return value;
    }

    /** A comma-separated list parameter, empty when absent. */
    static List<String> listParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String id(Context ctx, String name, int maxLength) {
        String id = ctx.pathParam(name);
        ApiError.check(!id.isBlank(), name + " must not be empty");
        ApiError.check(id.length() <= maxLength, name + " is longer than " + maxLength + " characters");
        return id;
    }
}
