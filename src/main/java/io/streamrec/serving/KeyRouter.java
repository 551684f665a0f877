package io.streamrec.serving;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Knows which instance owns a key's state and relays a request there. Answering is the
 * resources' job; this class only decides where the answer comes from.
 */
final class KeyRouter {
    /** Marks a relayed request, so a stale view of ownership cannot bounce it around forever. */
    static final String FORWARDED_HEADER = "X-Streamrec-Forwarded-By";
    /** Longer than the longest read-your-writes wait, which the owner spends before it answers. */
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(15);

    enum Kind { LOCAL, REMOTE, UNAVAILABLE }

    record Route(Kind kind, HostInfo host, int partition) {}

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    KeyRouter(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    Route route(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, new StringSerializer());
        } catch (IllegalStateException e) {
            return new Route(Kind.UNAVAILABLE, null, -1);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Route(Kind.UNAVAILABLE, null, -1);
        }
        Kind kind = self.equals(metadata.activeHost()) ? Kind.LOCAL : Kind.REMOTE;
        return new Route(kind, metadata.activeHost(), metadata.partition());
    }

    /** Relays the request unchanged to {@code owner} and copies its answer back. */
    void forward(Context ctx, HostInfo owner) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw new ApiError(503, "ownership of this key moved while the request was relayed; retry shortly");
        }
        String query = ctx.queryString();
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + ctx.path()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT)
                .header(FORWARDED_HEADER, self.host() + ":" + self.port());
        if ("POST".equals(ctx.method().name())) {
            request.POST(HttpRequest.BodyPublishers.ofString(ctx.body())).header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ctx.status(response.statusCode());
            response.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
            ctx.header("X-Streamrec-Served-By", owner.host() + ":" + owner.port());
            ctx.result(response.body());
        } catch (IOException e) {
            throw new ApiError(503, "instance " + owner.host() + ":" + owner.port() + " owning this key did not answer: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted while forwarding");
        }
    }
}
