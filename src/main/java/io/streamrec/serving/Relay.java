package io.streamrec.serving;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Takes a request to another instance and brings its answer back: a client's request relayed
 * unchanged to the instance holding the copy {@link KeyLocator} named, or this instance's own
 * read of another's internal endpoint. Every relayed request is marked {@value #FORWARDED_HEADER}
 * so the instance it reaches answers it itself. It knows nothing of where keys live.
 */
final class Relay {
    /** Marks a relayed request, so a stale view of ownership cannot bounce it around forever. */
    static final String FORWARDED_HEADER = "X-Streamrec-Forwarded-By";
    /** On answers read from a standby replica rather than the active copy. */
    static final String STALE_HEADER = "X-Streamrec-Stale";
    static final String SERVED_BY_HEADER = "X-Streamrec-Served-By";
    /** Longer than the longest read-your-writes wait, which the owner spends before it answers. */
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(15);
    /**
     * For a relayed GET that asks no read-your-writes wait (a lookup, the owner's copy of a user's
     * state), which the owner answers in milliseconds: an owner shutting down can take a request and
     * never answer, and its standbys should be asked, or the caller told, long before its own timeout.
     */
    private static final Duration LOOKUP_FORWARD_TIMEOUT = Duration.ofSeconds(3);

    /** An answer fetched from another instance on this instance's own behalf. */
    record Fetched(int status, String body) {}

    private final HostInfo self;
    /** "Bearer ..." for this instance's own fetches, null without auth. */
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param authToken the bearer token this instance's own requests to the others carry; empty for none */
    Relay(HostInfo self, String authToken) {
        this.self = self;
        this.authorization = BearerAuth.authorization(authToken);
    }

    /** Whether another instance relayed this request here: it is then answered here or not at all. */
    static boolean relayed(Context ctx) {
        return ctx.header(FORWARDED_HEADER) != null;
    }

    /**
     * GETs {@code pathAndQuery} from {@code owner}, marked as relayed so the owner answers itself: an
     * internal read, which the owner answers without waiting; 503 when it does not answer.
     */
    Fetched fetch(HostInfo owner, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port()
                        + pathAndQuery)).timeout(timeout(false))
                .header(FORWARDED_HEADER, self.host() + ":" + self.port()).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Fetched(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ApiError(503, "instance " + owner.host() + ":" + owner.port() + " did not answer: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted while asking " + owner.host() + ":" + owner.port());
        }
    }

    /** Relays the request unchanged to {@code owner} and copies its answer back; 503 when it does not answer. */
    void forward(Context ctx, HostInfo owner) {
        if (relayed(ctx)) {
            throw new ApiError(503, "ownership of this key moved while the request was relayed; retry shortly");
        }
        if (!tryForward(ctx, owner, false)) {
            throw new ApiError(503, "instance " + owner.host() + ":" + owner.port()
                    + " owning this key did not answer; retry shortly");
        }
    }

    /**
     * Relays the request to {@code host}; true when it answered below 500 (its answer is then
     * this one, marked {@value #STALE_HEADER} when {@code stale} or when the host marked it),
     * false when it could not be reached or failed, so another copy may be asked.
     */
    boolean tryForward(Context ctx, HostInfo host, boolean stale) {
        String query = ctx.queryString();
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + ctx.path()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        boolean ownerMayWait = !"GET".equals(ctx.method().name()) || ctx.queryParam("after") != null;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout(ownerMayWait))
                .header(FORWARDED_HEADER, self.host() + ":" + self.port());
        String callersAuthorization = ctx.header("Authorization");
        if (callersAuthorization != null) {
            request.header("Authorization", callersAuthorization);
        }
        if ("POST".equals(ctx.method().name())) {
            request.POST(HttpRequest.BodyPublishers.ofString(ctx.body())).header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted while forwarding");
        }
        if (response.statusCode() >= 500) {
            return false;
        }
        ctx.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
        ctx.header(SERVED_BY_HEADER, response.headers().firstValue(SERVED_BY_HEADER)
                .orElse(host.host() + ":" + host.port()));
        if (stale || response.headers().firstValue(STALE_HEADER).isPresent()) {
            ctx.header(STALE_HEADER, "true");
        }
        ctx.result(response.body());
        return true;
    }

    /** How long a relayed request waits for its answer: long only when the owner itself may wait before answering. */
    private static Duration timeout(boolean ownerMayWait) {
        return ownerMayWait ? FORWARD_TIMEOUT : LOOKUP_FORWARD_TIMEOUT;
    }
}
