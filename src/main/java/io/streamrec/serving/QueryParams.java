package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.events.Validation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Parsing of query parameters, with the 400 message a client needs to fix the request. */
final class QueryParams {
    /** The length of a list asked for: 1 to the configured list size on every endpoint that lists. */
    static final String N = "n";

    private QueryParams() {}

    /** {@code names} and {@code more}: one endpoint's parameters from the groups it reads. */
    static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** The list length asked for: {@code fallback} (at most {@code max}) when absent, 400 outside 1..max. */
    static int n(Context ctx, int fallback, int max) {
        return intParam(ctx, N, Math.min(fallback, max), 1, max);
    }

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

    /** The id in path parameter {@code name}: not blank, at most {@code maxLength}, well-formed Unicode. */
    static String id(Context ctx, String name, int maxLength) {
        String id = ctx.pathParam(name);
        ApiError.check(!id.isBlank(), name + " must not be empty");
        ApiError.check(id.length() <= maxLength, name + " is longer than " + maxLength + " characters");
        String unicode = Validation.unicodeProblem(id);
        ApiError.check(unicode == null, name + " " + unicode);
        return id;
    }
}
