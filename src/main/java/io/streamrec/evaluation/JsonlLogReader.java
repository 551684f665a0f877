package io.streamrec.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Interaction per line: {"user","item","type","value","timestamp"} with the timestamp in
 * epoch milliseconds, as the interactions topic carries it. type defaults to VIEW, value to none.
 */
public final class JsonlLogReader implements LogReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<LoggedEvent> read(Path file) throws IOException {
        List<LoggedEvent> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String user = text(node, "user");
                String item = text(node, "item");
                JsonNode timestamp = node.get("timestamp");
                if (user == null || item == null || timestamp == null || !timestamp.isNumber()) {
                    throw new IOException(file + " line " + lineNo + ": needs user, item and a numeric timestamp");
                }
                String type = text(node, "type");
                JsonNode value = node.get("value");
                events.add(new LoggedEvent(user, item, type == null ? "VIEW" : EventTypes.canonical(type),
                        value != null && value.isNumber() ? value.asDouble() : Double.NaN, timestamp.asLong()));
            }
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
