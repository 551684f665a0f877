package io.streamrec.serving;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Parsing of query parameters, with the 400 message a client needs to fix the request. */
final class QueryParams {
    private QueryParams() {}

    /** The integer parameter {@code name} in [min, max], or {@code fallback} when absent. */
    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        Integer value = parsed(ctx, name, Integer::parseInt, "an integer");
        if (value == null) {
            return fallback;
        }
        ApiError.check(value >= min && value <= max, name + " must be between " + min + " and " + max + ", was " + value);
        return value;
    }

    /** The number parameter {@code name} in [min, max], or null when absent. */
    static Double doubleParam(Context ctx, String name, double min, double max) {
        Double value = parsed(ctx, name, Double::parseDouble, "a number");
        ApiError.check(value == null || value >= min && value <= max,
                name + " must be between " + min + " and " + max + ", was " + value);
        return value;
    }

    /** The parameter parsed, null when absent; 400 saying it must be {@code kind} when it does not parse. */
    private static <T> T parsed(Context ctx, String name, Function<String, T> parser, String kind) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be " + kind + ", was '" + raw + "'");
        }
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
