package io.streamrec.serving;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * {@code GET /}: the live dashboard, one HTML page and its script from the jar (no CDN, works
 * offline). It draws from the JSON API: /v1/stats, /v1/trending and a user's recommendations.
 */
final class DashboardResource {
    /** The page reads {@code ?user=} in the browser, to show that user's list first. */
    static final Set<String> PARAMS = Set.of("user");

    private final byte[] page = resource("dashboard/index.html");
    private final byte[] script = resource("dashboard/dashboard.js");

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    void script(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    private static byte[] resource(String path) {
        try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
