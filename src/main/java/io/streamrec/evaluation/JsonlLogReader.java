package io.streamrec.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One event object per line. By default an Interaction as the interactions topic carries it:
 * {"user","item","type","value","timestamp"} with the timestamp in epoch milliseconds; the field
 * names and time unit are those of the csv column options, and a timestamp may also be a string
 * {@link Timestamps} reads. type defaults to VIEW, value to none.
 */
public final class JsonlLogReader implements LogReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The field of each part of an event; type and value may be absent from a line. When group is
     * named, every line must have it (null or empty leaves the line a basket of its own).
     */
    public record Fields(String user, String item, String time, String type, String value, String group) {
        /** Fields of lines that belong to no group. */
        public Fields(String user, String item, String time, String type, String value) {
            this(user, item, time, type, value, null);
        }

        public static Fields interaction() {
            return new Fields("user", "item", "timestamp", "type", "value");
        }
    }

    private final Fields fields;
    private final CsvLogReader.TimeUnit timeUnit;
    private final BadLines badLines;

    public JsonlLogReader() {
        this(Fields.interaction(), CsvLogReader.TimeUnit.MS, BadLines.stop());
    }

    JsonlLogReader(Fields fields, CsvLogReader.TimeUnit timeUnit, BadLines badLines) {
        this.fields = fields;
        this.timeUnit = timeUnit;
        this.badLines = badLines;
    }

    @Override
    public List<LoggedEvent> read(Path file) throws IOException {
        List<LoggedEvent> events = new ArrayList<>();
        try (TextLines in = new TextLines(file, StandardCharsets.UTF_8)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(event(JSON.readTree(line)));
                } catch (JsonProcessingException e) {
                    badLines.bad(file, in.number(), "not a JSON object (" + e.getOriginalMessage()
                            + "; a truncated line?)");
                } catch (IllegalArgumentException e) {
                    badLines.bad(file, in.number(), e.getMessage());
                }
            }
        }
        return events;
    }

    private LoggedEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object but " + node.getNodeType().name().toLowerCase());
        }
        String user = text(node, fields.user());
        String item = text(node, fields.item());
        JsonNode time = node.get(fields.time());
        boolean groupMissing = fields.group() != null && !node.has(fields.group());
        if (user == null || item == null || time == null || !(time.isNumber() || time.isTextual()) || groupMissing) {
            List<String> present = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                present.add(names.next());
            }
            String group = fields.group() == null ? "" : ", " + fields.group();
            throw new IllegalArgumentException("needs the fields " + fields.user() + ", " + fields.item() + group
                    + " and " + fields.time() + " (name others with --user-col, --item-col"
                    + (fields.group() == null ? "" : ", --group-col") + ", --time-col); this line has " + present);
        }
        String type = text(node, fields.type());
        JsonNode value = node.get(fields.value());
        return new LoggedEvent(user, item, type == null ? "VIEW" : EventTypes.canonical(type),
                value != null && value.isNumber() ? value.asDouble() : Double.NaN,
                Timestamps.toMillis(time.asText(), timeUnit), text(node, fields.group()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = field == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
