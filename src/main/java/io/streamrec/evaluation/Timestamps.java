package io.streamrec.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Event times as logs write them: epoch seconds or milliseconds (by the time unit, fractions
 * allowed), ISO-8601 ({@code 2011-01-04T10:15:00Z}, with an offset or without), or
 * {@code yyyy-MM-dd HH:mm:ss}. A time without an offset is read as UTC, so the replay order never
 * depends on the machine's zone.
 */
final class Timestamps {
    private Timestamps() {}

    /** Epoch milliseconds; an IllegalArgumentException names what was expected. */
    static long toMillis(String text, CsvLogReader.TimeUnit numericUnit) {
        String t = text.trim();
        if (t.length() >= 10 && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-') {
            return dateTime(t);
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw unreadable(t);
        }
        if (!Double.isFinite(value)) {
            throw unreadable(t);
        }
        return Math.round(numericUnit == CsvLogReader.TimeUnit.S ? value * 1000.0 : value);
    }

    private static long dateTime(String t) {
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException notADate) {
                    throw unreadable(t);
                }
            }
        }
    }

    private static IllegalArgumentException unreadable(String t) {
        return new IllegalArgumentException("time '" + t + "' is neither epoch seconds/milliseconds (--time-unit) "
                + "nor ISO-8601 (2011-01-04T10:15:00Z) nor yyyy-MM-dd HH:mm:ss");
    }
}
