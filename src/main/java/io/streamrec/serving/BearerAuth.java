package io.streamrec.serving;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Optional bearer-token check of the write endpoints: every request that changes something
 * (any method but GET/HEAD/OPTIONS, except the POSTs that only ask a question) and the instances'
 * internal reads of a user's raw state (/v1/internal), which the instances send with the token
 * themselves. Off when the token is empty. The token is compared
 * in constant time and never logged or echoed.
 */
final class BearerAuth {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** POSTs whose body is a question (members, a basket), not a change. */
    private static final Set<String> QUERY_POSTS = Set.of("/v1/groups/recommendations", "/v1/recommendations/context");

    private final byte[] token;

    BearerAuth(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return token != null;
    }

    /** A Javalin before-handler: lets the request through or fails it with a 401. */
    void check(Context ctx) {
        if (token == null || !guarded(ctx.method().name(), ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "this endpoint needs an 'Authorization: Bearer <token>' header");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiError(401, "the bearer token is not valid");
        }
    }

    static boolean guarded(String method, String path) {
        boolean write = !READS.contains(method) && !("POST".equals(method) && QUERY_POSTS.contains(path));
        return write || path.startsWith(UserStates.INTERNAL_PATH);
    }

    /** The header value an instance sends on its own requests to other instances; null without a token. */
    static String authorization(String token) {
        return token == null || token.isEmpty() ? null : "Bearer " + token;
    }
}
