package io.streamrec.serving;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health/live}: 200 while the process can work (both sides' streams created, running
 * or rebalancing), 503 when it needs a restart (either in ERROR or shut down).
 * {@code GET /health/ready}: 200 only when lookups are answered from up-to-date local state
 * (the user side RUNNING, no store restoring), 503 while starting, restoring or rebalancing.
 */
final class HealthResource {
    private final Readiness readiness;

    HealthResource(Readiness readiness) {
        this.readiness = readiness;
    }

    void live(Context ctx) {
        boolean live = readiness.live();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", live ? "UP" : "DOWN");
        body.put("streams", readiness.state().name());
        body.put("itemStreams", readiness.itemSideState().name());
        ctx.status(live ? 200 : 503).json(body);
    }

    void ready(Context ctx) {
        boolean ready = readiness.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "READY" : "NOT_READY");
        body.put("streams", readiness.state().name());
        body.put("restoringPartitions", readiness.restoringPartitions());
        ctx.status(ready ? 200 : 503).json(body);
    }
}
