package io.streamrec.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.streamrec.avro.Recommendations;
import io.streamrec.model.ScoredItem;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The shape of every list answer. {@code personalized} is false when the list is a fallback
 * (trending), so clients can tell.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListResponse(String user, String item, boolean personalized, List<Entry> items,
                           String modelVersion, Long generatedAt, Long lastEventTimestamp,
                           Integer lastEventPartition, Long lastEventOffset, Long eventsSeen) {

    public record Entry(String item, double score, String reason, String source) {}

    static ListResponse ofStored(Recommendations list, int n) {
        return ofStored(list, n, item -> true);
    }

    /** The stored list's first n items that {@code keep} accepts. */
    static ListResponse ofStored(Recommendations list, int n, Predicate<String> keep) {
        List<Entry> items = list.getItems().stream().filter(i -> keep.test(i.getItem())).limit(n)
                .map(i -> new Entry(i.getItem(), i.getScore(), i.getReason(), i.getSource())).toList();
        return new ListResponse(list.getUser(), null, list.getPersonalized(), items, list.getModelVersion(),
                list.getGeneratedAt().toEpochMilli(), list.getLastEventTimestamp().toEpochMilli(),
                list.getLastEventPartition(), list.getLastEventOffset(), list.getEventsSeen());
    }

    static ListResponse ofScored(String user, String item, boolean personalized, List<ScoredItem> scored,
                                 String modelVersion) {
        List<Entry> items = scored.stream().map(s -> new Entry(s.item(), s.score(), s.reason(),
                s.source().name().toLowerCase(Locale.ROOT))).toList();
        return new ListResponse(user, item, personalized, items, modelVersion, System.currentTimeMillis(),
                null, null, null, null);
    }
}
