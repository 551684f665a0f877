package io.streamrec.serving;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntConsumer;
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

    /**
     * Runs {@code local} with the key's partition when this instance owns {@code key}; otherwise
     * relays the request to the owner, or answers 503 while no instance owns it.
     */
    void serve(Context ctx, String store, String key, IntConsumer local) {
        Route route = route(store, key);
        switch (route.kind()) {
            case UNAVAILABLE -> throw new ApiError(503, "the instance owning " + key
                    + " is not available (rebalancing); retry shortly");
            case REMOTE -> forward(ctx, route.host());
            case LOCAL -> local.accept(route.partition());
        }
    }

    /** An answer fetched from another instance on this instance's own behalf. */
    record Fetched(int status, String body) {}

    /** GETs {@code pathAndQuery} from {@code owner}, marked as relayed so the owner answers itself. */
    Fetched fetch(HostInfo owner, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port()
                        + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header(FORWARDED_HEADER, self.host() + ":" + self.port()).GET().build();
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

    /** Relays the request unchanged to {@code owner} and copies its answer back. */
    void forward(Context ctx, HostInfo owner) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw new ApiError(503, "ownership of this key moved while the request was relayed; retry shortly");
        }
        String query = ctx.queryString();
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + ctx.path()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
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
