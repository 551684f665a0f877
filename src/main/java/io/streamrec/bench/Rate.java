package io.streamrec.bench;

import java.time.Duration;
import java.util.Locale;

/** A target rate per second, or flat out ({@code max}), as given on the command line. */
record Rate(double perSecond) {
    static final Rate MAX = new Rate(Double.POSITIVE_INFINITY);

    static Rate parse(String text) {
        if (text.trim().equalsIgnoreCase("max")) {
            return MAX;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value > 0 && Double.isFinite(value)) {
                return new Rate(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--rate must be a positive number or 'max', was '" + text + "'");
    }

    boolean isMax() {
        return Double.isInfinite(perSecond);
    }

    /** How many operations should have been started {@code elapsedNanos} after the start. */
    long dueBy(long elapsedNanos) {
        return (long) (elapsedNanos / 1e9 * perSecond);
    }

    /** When operation number {@code n} is due, in nanoseconds after the start. */
    long dueAtNanos(long n) {
        return (long) (n * 1e9 / perSecond);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : String.format(Locale.ROOT, "%.0f/s", perSecond);
    }

    /** Parses 30s, 5m, 2h or 500ms. */
    static Duration duration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration value = t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)))
                    : Duration.parse("PT" + t);
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must look like 30s, 5m or 500ms, was '" + text + "'");
    }
}
