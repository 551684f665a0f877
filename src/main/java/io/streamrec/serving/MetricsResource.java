package io.streamrec.serving;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.ranker.CurrentRanker;
import io.streamrec.model.ranker.RankerWeights;
import java.util.LinkedHashMap;
import java.util.Map;

/** How this instance is doing: for Prometheus, and as JSON for the dashboard. */
final class MetricsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The content type Prometheus expects of its text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final StreamrecMetrics metrics;
    private final KeyRouter router;
    private final ItemIndex index;
    private final CurrentRanker ranker;

    MetricsResource(StreamrecMetrics metrics, KeyRouter router, ItemIndex index, CurrentRanker ranker) {
        this.metrics = metrics;
        this.router = router;
        this.index = index;
        this.ranker = ranker;
    }

    /** {@code GET /metrics}: every metric of this instance, Prometheus text format. */
    void prometheus(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }

    /**
     * {@code GET /v1/stats}: this instance's totals (events learned by type, dead letters by
     * reason, live HR@N, refresh time) and one point a second for the last five minutes; and the
     * version of the ranker weights lists are ranked by, null while the fixed blend ranks them, so
     * an operator sees that every instance serves the same weights, the order new users' lists
     * take with the counts of first picks that chose it, and which bands of users with few events
     * get that popular list instead of their personal one.
     */
    void stats(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instance", router.self().host() + ":" + router.self().port());
        body.put("indexedItems", index.size());
        RankerWeights weights = ranker.get();
        body.put("rankerVersion", weights == null ? null : weights.version());
        body.put("newUserOrder", ranker.newUserOrder().label());
        body.put("newUserPicks", weights == null ? null : weights.newUsers().byOrder());
        body.put("youngUserPicks", weights == null ? null : weights.youngUsers().byBand());
        body.putAll(JSON.convertValue(metrics.stats(), new TypeReference<Map<String, Object>>() {}));
        ctx.json(body);
    }
}
