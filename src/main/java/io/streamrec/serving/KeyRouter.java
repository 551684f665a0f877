package io.streamrec.serving;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Knows which instance owns a key's state and where else a copy lives. Answering is the
 * resources' job; this class only decides where the answer comes from: the active copy (here
 * or relayed to its instance), else a standby replica (here, or relayed to an instance that
 * keeps one), the answer then marked {@value #STALE_HEADER}{@code : true} because a standby
 * may trail the active by up to a commit interval, more while the active moves. The active
 * copy's answer is marked too while this instance has lost touch with Kafka ({@link BrokerContact}).
 */
final class KeyRouter {
    /** Marks a relayed request, so a stale view of ownership cannot bounce it around forever. */
    static final String FORWARDED_HEADER = "X-Streamrec-Forwarded-By";
    /** On answers read from a standby replica rather than the active copy. */
    static final String STALE_HEADER = "X-Streamrec-Stale";
    static final String SERVED_BY_HEADER = "X-Streamrec-Served-By";
    /** How long a lookup waits for a moving partition to become queryable somewhere before a 503. */
    static final Duration MOVE_WAIT = Duration.ofSeconds(5);
    /** The most records a standby may trail its changelog by and still answer (marked stale). */
    static final long MAX_STALE_LAG = 1_000;
    /** Longer than the longest read-your-writes wait, which the owner spends before it answers. */
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(15);
    /**
     * For a relayed GET that asks no read-your-writes wait (a lookup, the owner's copy of a user's
     * state), which the owner answers in milliseconds: an owner shutting down can take a request and
     * never answer, and its standbys should be asked, or the caller told, long before its own timeout.
     */
    private static final Duration LOOKUP_FORWARD_TIMEOUT = Duration.ofSeconds(3);

    enum Kind { LOCAL, REMOTE, UNAVAILABLE }

    record Route(Kind kind, HostInfo host, int partition) {}

    /** Computes the answer for a key from this instance's copy of one partition of the store. */
    @FunctionalInterface
    interface LocalAnswer {
        /**
         * @param stale true to read a standby copy; it may lack the key, answered then with null
         *              so that another copy is asked
         * @throws InvalidStateStoreException when this instance holds no readable copy
         */
        Object answer(int partition, boolean stale);
    }

    private final KafkaStreams streams;
    private final HostInfo self;
    /** "Bearer ..." for this instance's own fetches, null without auth. */
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** For {@link #serve} only, whose fallbacks cover a route that moved; the other paths ask Kafka Streams each time. */
    private final RouteCache routes;
    private final BrokerContact broker;

    KeyRouter(KafkaStreams streams, HostInfo self) {
        this(streams, self, "");
    }

    /** @param authToken the bearer token this instance's own requests to the others carry; empty for none */
    KeyRouter(KafkaStreams streams, HostInfo self, String authToken) {
        this.streams = streams;
        this.self = self;
        this.authorization = BearerAuth.authorization(authToken);
        this.routes = new RouteCache((store, key, partitioner) -> streams.queryMetadataForKey(store, key, partitioner),
                () -> streams.state() == KafkaStreams.State.RUNNING, System::nanoTime);
        this.broker = new BrokerContact(streams::metrics, System::nanoTime);
    }

    HostInfo self() {
        return self;
    }

    Route route(String store, String key) {
        KeyQueryMetadata metadata = metadata(store, key);
        if (metadata == null) {
            return new Route(Kind.UNAVAILABLE, null, -1);
        }
        Kind kind = self.equals(metadata.activeHost()) ? Kind.LOCAL : Kind.REMOTE;
        return new Route(kind, metadata.activeHost(), metadata.partition());
    }

    /**
     * Answers a lookup of {@code key} in {@code store}: from the active copy if it can answer,
     * else from a standby replica with {@value #STALE_HEADER}; 503 when no copy answers.
     */
    void serve(Context ctx, String store, String key, LocalAnswer local) {
        // A moving partition can have no queryable copy for a moment (a standby turning active
        // restores its last records first): the instance first asked waits that out, within
        // bounds, rather than fail the lookup; a relayed request answers at once so it can.
        boolean relayed = ctx.header(FORWARDED_HEADER) != null;
        long deadline = System.nanoTime() + (relayed ? 0 : MOVE_WAIT.toNanos());
        while (true) {
            try {
                serveOnce(ctx, store, key, local, relayed);
                return;
            } catch (ApiError e) {
                if (e.status() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(503, "interrupted while waiting for " + key + "'s partition to move");
            }
        }
    }

    private void serveOnce(Context ctx, String store, String key, LocalAnswer local, boolean relayed) {
        KeyQueryMetadata metadata = cachedMetadata(store, key);
        if (metadata == null) {
            throw new ApiError(503, "the instances are not yet assigned their partitions; retry shortly");
        }
        int partition = metadata.partition();
        if (self.equals(metadata.activeHost())) {
            Optional<Object> answer = tryLocal(store, local, partition, false);
            if (answer.isPresent()) {
                if (!broker.connected()) {
                    ctx.header(STALE_HEADER, "true");
                }
                JsonAnswer.write(ctx, answer.get());
                return;
            }
        } else if (!relayed && forward(ctx, metadata.activeHost(), false)) {
            return;
        }
        // The active copy cannot answer (moving, restoring or its instance gone): try the standbys,
        // and ask Kafka Streams afresh next time, in case the route moved.
        routes.forget(store);
        if (self.equals(metadata.activeHost()) || metadata.standbyHosts().contains(self)) {
            Optional<Object> answer = tryLocal(store, local, partition, true);
            if (answer.isPresent()) {
                ctx.header(STALE_HEADER, "true");
                JsonAnswer.write(ctx, answer.get());
                return;
            }
        }
        if (!relayed) {
            for (HostInfo standby : metadata.standbyHosts()) {
                if (!standby.equals(self) && forward(ctx, standby, true)) {
                    return;
                }
            }
        }
        throw new ApiError(503, "no instance can answer for " + key + " right now (partition " + partition
                + " is moving or restoring); retry shortly");
    }

    private Optional<Object> tryLocal(String store, LocalAnswer local, int partition, boolean stale) {
        if (stale && !closeBehind(store, partition)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(local.answer(partition, stale));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this instance's copy of the store partition trails its changelog by at most
     * {@link #MAX_STALE_LAG} records: a warm standby does, a replica still being built does not.
     */
    private boolean closeBehind(String store, int partition) {
        try {
            LagInfo lag = streams.allLocalStorePartitionLags().getOrDefault(store, Map.of()).get(partition);
            return lag != null && lag.offsetLag() <= MAX_STALE_LAG;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private KeyQueryMetadata metadata(String store, String key) {
        return available(() -> streams.queryMetadataForKey(store, key, new StringSerializer()));
    }

    private KeyQueryMetadata cachedMetadata(String store, String key) {
        return available(() -> routes.metadata(store, key));
    }

    /** The metadata, or null while Kafka Streams cannot say (not running, partitions not assigned). */
    private static KeyQueryMetadata available(Supplier<KeyQueryMetadata> lookup) {
        try {
            KeyQueryMetadata metadata = lookup.get();
            return metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) ? null : metadata;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /**
     * Runs {@code local} with the key's partition when this instance owns {@code key}; otherwise
     * relays the request to the owner, or answers 503 while no instance owns it. For answers
     * computed from the owner's state, which a standby copy must not stand in for unmarked.
     */
    void serveFromOwner(Context ctx, String store, String key, IntConsumer local) {
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

    /**
     * GETs {@code pathAndQuery} from {@code owner}, marked as relayed so the owner answers itself: an
     * internal read, which the owner answers without waiting.
     */
    Fetched fetch(HostInfo owner, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port()
                        + pathAndQuery)).timeout(relayTimeout(false))
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

    /** How long a relayed request waits for its answer: long only when the owner itself may wait before answering. */
    private static Duration relayTimeout(boolean ownerMayWait) {
        return ownerMayWait ? FORWARD_TIMEOUT : LOOKUP_FORWARD_TIMEOUT;
    }

    /** Relays the request unchanged to {@code owner} and copies its answer back; 503 when it does not answer. */
    void forward(Context ctx, HostInfo owner) {
        if (ctx.header(FORWARDED_HEADER) != null) {
            throw new ApiError(503, "ownership of this key moved while the request was relayed; retry shortly");
        }
        if (!forward(ctx, owner, false)) {
            throw new ApiError(503, "instance " + owner.host() + ":" + owner.port()
                    + " owning this key did not answer; retry shortly");
        }
    }

    /**
     * Relays the request to {@code host}; true when it answered below 500 (its answer is then
     * this one), false when it could not be reached or failed, so another copy may be asked.
     */
    private boolean forward(Context ctx, HostInfo host, boolean stale) {
        String query = ctx.queryString();
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + ctx.path()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        boolean ownerMayWait = !"GET".equals(ctx.method().name()) || ctx.queryParam("after") != null;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(relayTimeout(ownerMayWait))
                .header(FORWARDED_HEADER, self.host() + ":" + self.port());
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
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
}
