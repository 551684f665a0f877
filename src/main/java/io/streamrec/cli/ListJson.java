package io.streamrec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.avro.Recommendations;
import io.streamrec.serving.ListResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of the `recommendations` topic as one line of JSON, in the shape the HTTP lookup
 * answers (times in epoch milliseconds), so a consumer reads the same document either way. A
 * tombstone (the user was deleted) is {@code {"user": ..., "deleted": true}}.
 */
final class ListJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ListJson() {}

    static String line(String user, Recommendations list) {
        try {
            if (list == null) {
                Map<String, Object> deleted = new LinkedHashMap<>();
                deleted.put("user", user);
                deleted.put("deleted", true);
                return JSON.writeValueAsString(deleted);
            }
            return JSON.writeValueAsString(new ListResponse(list.getUser(), null, list.getPersonalized(),
                    list.getItems().stream().map(i -> new ListResponse.Entry(i.getItem(), i.getScore(), i.getReason(),
                            i.getSource())).toList(), list.getModelVersion(), list.getGeneratedAt().toEpochMilli(),
                    list.getLastEventTimestamp().toEpochMilli(), list.getLastEventPartition(),
                    list.getLastEventOffset(), list.getEventsSeen()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list does not render as JSON: " + e.getMessage(), e);
        }
    }
}
