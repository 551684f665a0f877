package io.streamrec.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A delimited log whose columns are named by header name or 0-based index. Times are read by
 * {@link Timestamps}; the event type defaults to {@code defaultType} when there is no type column.
 */
public final class CsvLogReader implements LogReader {

    /** Where each field lives; typeColumn, valueColumn and groupColumn may be null. */
    public record Layout(char separator, boolean header, String userColumn, String itemColumn, String timeColumn,
                         TimeUnit timeUnit, String typeColumn, String valueColumn, String defaultType,
                         String groupColumn) {

        /** A layout whose lines belong to no group. */
        public Layout(char separator, boolean header, String userColumn, String itemColumn, String timeColumn,
                      TimeUnit timeUnit, String typeColumn, String valueColumn, String defaultType) {
            this(separator, header, userColumn, itemColumn, timeColumn, timeUnit, typeColumn, valueColumn, defaultType,
                    null);
        }
    }

    public enum TimeUnit {
        S, MS;

        static TimeUnit parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "s", "sec", "seconds" -> S;
                case "ms", "millis", "milliseconds" -> MS;
                default -> throw new IllegalArgumentException("--time-unit must be s or ms, was " + text);
            };
        }
    }

    private final Layout layout;
    private final BadLines badLines;

    public CsvLogReader(Layout layout) {
        this(layout, BadLines.stop());
    }

    CsvLogReader(Layout layout, BadLines badLines) {
        this.layout = layout;
        this.badLines = badLines;
    }

    @Override
    public List<LoggedEvent> read(Path file) throws IOException {
        List<LoggedEvent> events = new ArrayList<>();
        try (TextLines in = new TextLines(file, StandardCharsets.UTF_8)) {
            String line = in.next();
            List<String> names = List.of();
            if (layout.header() && line != null) {
                names = CsvSplitter.split(line, layout.separator());
                line = in.next();
            }
            int user = column(layout.userColumn(), names, "--user-col");
            int item = column(layout.itemColumn(), names, "--item-col");
            int time = column(layout.timeColumn(), names, "--time-col");
            int type = layout.typeColumn() == null ? -1 : column(layout.typeColumn(), names, "--type-col");
            int value = layout.valueColumn() == null ? -1 : column(layout.valueColumn(), names, "--value-col");
            int group = layout.groupColumn() == null ? -1 : column(layout.groupColumn(), names, "--group-col");
            int needed = 1 + IntStream.of(user, item, time, type, value, group).max().getAsInt();
            for (; line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvSplitter.split(line, layout.separator());
                if (f.size() < needed) {
                    badLines.bad(file, in.number(), f.size() + " field" + (f.size() == 1 ? "" : "s") + " where the "
                            + "columns need " + needed + " (a truncated line, or another --sep?)");
                    continue;
                }
                try {
                    String eventType = type >= 0 ? EventTypes.canonical(f.get(type)) : layout.defaultType();
                    double eventValue = value >= 0 && !f.get(value).isBlank() ? number(f.get(value)) : Double.NaN;
                    String userId = f.get(user).trim();
                    String itemId = f.get(item).trim();
                    if (userId.isEmpty() || itemId.isEmpty()) {
                        throw new IllegalArgumentException("empty " + (userId.isEmpty() ? "user" : "item") + " id");
                    }
                    // An empty group cell leaves the line a basket of its own.
                    String groupId = group >= 0 && !f.get(group).isBlank() ? f.get(group).trim() : null;
                    events.add(new LoggedEvent(userId, itemId, eventType, eventValue,
                            Timestamps.toMillis(f.get(time), layout.timeUnit()), groupId));
                } catch (IllegalArgumentException e) {
                    badLines.bad(file, in.number(), e.getMessage());
                }
            }
        }
        return events;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + text.trim() + "' is not a number");
        }
    }

    /** A name is looked up in the header; a number is taken as a 0-based index. */
    static int column(String spec, List<String> header, String option) {
        if (spec == null) {
            throw new IllegalArgumentException(option + " is required for this format");
        }
        int byName = header.indexOf(spec);
        if (byName >= 0) {
            return byName;
        }
        try {
            return Integer.parseInt(spec.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + spec + "' is neither a header name " + header
                    + " nor a 0-based index");
        }
    }
}
