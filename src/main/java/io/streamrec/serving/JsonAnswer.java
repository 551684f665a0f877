package io.streamrec.serving;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a JSON answer straight to the response, rendered by the app's JSON mapper as
 * {@code ctx.json} would. Javalin copies a result through a fresh 32 KB buffer per response; at
 * 5,000 lookups/s that buffer was a third of the HTTP threads' allocation, and the young
 * collections it caused set the lookups' p99.
 */
final class JsonAnswer {
    private JsonAnswer() {}

    /** @param body an object for the JSON mapper, or {@link JsonBytes} already rendered */
    static void write(Context ctx, Object body) {
        if (body instanceof JsonBytes rendered) {
            write(ctx, rendered.bytes(), rendered.length());
            return;
        }
        byte[] bytes = ctx.jsonMapper().toJsonString(body, body.getClass()).getBytes(StandardCharsets.UTF_8);
        write(ctx, bytes, bytes.length);
    }

    /**
     * No Content-Length is set here: Javalin's output stream gzips an answer over its threshold
     * for a client that accepts it (browsers, Python's requests), and a length declared for the
     * plain bytes then refused the shorter compressed ones, failing the answer. The server sets
     * the length of what it sends.
     */
    private static void write(Context ctx, byte[] bytes, int length) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            ctx.outputStream().write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the answer failed", e);
        }
    }
}
