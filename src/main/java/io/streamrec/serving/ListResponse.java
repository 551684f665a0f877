package io.streamrec.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.streamrec.model.ModelParams;
import io.streamrec.model.ScoredItem;
import io.streamrec.stores.UserStateQuery.UserView;
import java.util.List;
import java.util.Locale;

/**
 * The shape of every list answer. {@code personalized} is false when the list is a fallback
 * (trending), so clients can tell.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListResponse(String user, String item, boolean personalized, List<Entry> items,
                           String modelVersion, Long generatedAt, Long lastEventTimestamp,
                           Integer lastEventPartition, Long lastEventOffset, Long eventsSeen) {

    public record Entry(String item, double score, String reason, String source) {}

    /** A list computed now from the user's state, which it reflects up to that state's last event. */
    static ListResponse ofLive(String user, boolean personalized, List<ScoredItem> scored, UserView state) {
        ListResponse list = ofScored(user, null, personalized, scored, ModelParams.VERSION);
        return new ListResponse(user, null, personalized, list.items(), list.modelVersion(), list.generatedAt(),
                state.lastEventTimestamp(), state.lastEventPartition(), state.lastEventOffset(),
                state.profile().events);
    }

    static ListResponse ofScored(String user, String item, boolean personalized, List<ScoredItem> scored,
                                 String modelVersion) {
        List<Entry> items = scored.stream().map(s -> new Entry(s.item(), s.score(), s.reason(),
                s.source().name().toLowerCase(Locale.ROOT))).toList();
        return new ListResponse(user, item, personalized, items, modelVersion, System.currentTimeMillis(),
                null, null, null, null);
    }
}
