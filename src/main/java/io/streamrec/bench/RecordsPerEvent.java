package io.streamrec.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Records the broker appended per event learned, per topic and in total: offsets taken split into
 * data records and transaction markers (offsets minus records), and the records' serialized bytes,
 * when the records were counted.
 * Topics named in {@code notInTotal} (the broker's own, shared with other clients) are shown but
 * not summed.
 */
final class RecordsPerEvent {
    /** One topic's share; {@code records} and {@code bytes} are -1 when the records were not counted. */
    record Row(String topic, long offsets, long records, long bytes, boolean inTotal) {
        boolean counted() {
            return records >= 0;
        }

        long markers() {
            return offsets - records;
        }
    }

    private final List<Row> rows;
    private final long events;

    private RecordsPerEvent(List<Row> rows, long events) {
        this.rows = rows;
        this.events = events;
    }

    /**
     * @param offsets offsets taken per topic in the window
     * @param records data records and their bytes per topic in the window; empty when they were not counted
     * @param events  events learned in the same window
     */
    static RecordsPerEvent of(Map<String, Long> offsets, Map<String, BrokerRecords.Appended> records, long events,
                              Set<String> notInTotal) {
        List<Row> rows = new ArrayList<>();
        BrokerRecords.Appended none = new BrokerRecords.Appended(0, 0);
        offsets.forEach((topic, taken) -> {
            BrokerRecords.Appended appended = records.getOrDefault(topic, none);
            rows.add(records.isEmpty() ? new Row(topic, taken, -1, -1, !notInTotal.contains(topic))
                    : new Row(topic, taken, appended.records(), appended.bytes(), !notInTotal.contains(topic)));
        });
        rows.sort(Comparator.comparing(Row::inTotal).reversed().thenComparing(Row::offsets, Comparator.reverseOrder())
                .thenComparing(Row::topic));
        return new RecordsPerEvent(List.copyOf(rows), events);
    }

    List<Row> rows() {
        return rows;
    }

    boolean counted() {
        return rows.stream().allMatch(Row::counted);
    }

    /** Data records per event over the summed topics; offsets per event when the records were not counted. */
    double recordsPerEvent() {
        return perEvent(rows.stream().filter(Row::inTotal).mapToLong(r -> counted() ? r.records() : r.offsets()).sum());
    }

    /** Serialized record bytes per event over the summed topics; NaN when the records were not counted. */
    double bytesPerEvent() {
        return counted() ? perEvent(rows.stream().filter(Row::inTotal).mapToLong(Row::bytes).sum()) : Double.NaN;
    }

    /** Transaction markers per event over the summed topics; NaN when the records were not counted. */
    double markersPerEvent() {
        return counted() ? perEvent(rows.stream().filter(Row::inTotal).mapToLong(Row::markers).sum()) : Double.NaN;
    }

    private double perEvent(long count) {
        return events == 0 ? Double.NaN : (double) count / events;
    }

    /** The per-topic table. */
    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "broker records appended in the measured window, per event learned (%d events)%s:%n",
                events, counted() ? "" : "; records not counted, offsets include transaction markers");
        out.printf(Locale.ROOT, "  %-58s %10s %9s %9s %9s %9s %9s%n", "topic", "offsets", "markers", "rec/ev",
                "mark/ev", "bytes/rec", "bytes/ev");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "  %-58s %10d %9s %9s %9s %9s %9s%n",
                    row.topic() + (row.inTotal() ? "" : " (not in total)"), row.offsets(),
                    row.counted() ? String.valueOf(row.markers()) : "?",
                    format(perEvent(row.counted() ? row.records() : row.offsets())),
                    row.counted() ? format(perEvent(row.markers())) : "?",
                    row.counted() ? format(row.records() == 0 ? Double.NaN : (double) row.bytes() / row.records()) : "?",
                    row.counted() ? format(perEvent(row.bytes())) : "?");
        }
        out.printf(Locale.ROOT, "  %-58s %10s %9s %9s %9s %9s %9s%n", "total (the app's topics; bytes: key, value "
                        + "and headers as sent)", "", "", format(recordsPerEvent()), format(markersPerEvent()), "",
                format(bytesPerEvent()));
    }

    /** Two decimals, or "none" when there was nothing to divide by. */
    static String format(double value) {
        return Double.isNaN(value) ? "none" : String.format(Locale.ROOT, "%.2f", value);
    }
}
