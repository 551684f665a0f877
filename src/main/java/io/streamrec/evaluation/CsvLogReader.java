package io.streamrec.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A delimited log whose columns are named by header name or 0-based index. Timestamps may be
 * fractional seconds; the event type defaults to {@code defaultType} when there is no type column.
 */
public final class CsvLogReader implements LogReader {

    /** Where each field lives; typeColumn and valueColumn may be null. */
    public record Layout(char separator, boolean header, String userColumn, String itemColumn, String timeColumn,
                         TimeUnit timeUnit, String typeColumn, String valueColumn, String defaultType) {
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

        long toMillis(String text) {
            double value = Double.parseDouble(text.trim());
            return Math.round(this == S ? value * 1000.0 : value);
        }
    }

    private final Layout layout;

    public CsvLogReader(Layout layout) {
        this.layout = layout;
    }

    @Override
    public List<LoggedEvent> read(Path file) throws IOException {
        List<LoggedEvent> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            List<String> names = List.of();
            if (layout.header() && line != null) {
                names = CsvSplitter.split(stripBom(line), layout.separator());
                line = in.readLine();
            }
            int user = column(layout.userColumn(), names, "--user-col");
            int item = column(layout.itemColumn(), names, "--item-col");
            int time = column(layout.timeColumn(), names, "--time-col");
            int type = layout.typeColumn() == null ? -1 : column(layout.typeColumn(), names, "--type-col");
            int value = layout.valueColumn() == null ? -1 : column(layout.valueColumn(), names, "--value-col");
            for (int lineNo = layout.header() ? 2 : 1; line != null; line = in.readLine(), lineNo++) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvSplitter.split(line, layout.separator());
                try {
                    String eventType = type >= 0 ? EventTypes.canonical(f.get(type)) : layout.defaultType();
                    double eventValue = value >= 0 && !f.get(value).isBlank() ? Double.parseDouble(f.get(value)) : Double.NaN;
                    events.add(new LoggedEvent(f.get(user).trim(), f.get(item).trim(), eventType, eventValue,
                            layout.timeUnit().toMillis(f.get(time))));
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + lineNo + ": cannot read '" + line + "': " + e.getMessage(), e);
                }
            }
        }
        return events;
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

    static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
