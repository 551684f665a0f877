package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.serving.KeyLocator.Copy;
import io.streamrec.serving.KeyLocator.Placement;
import io.streamrec.serving.KeyLocator.Route;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a request about a key from the right copy of its state. Answering is the resources'
 * job, finding the copies {@link KeyLocator}'s and reaching another instance {@link Relay}'s;
 * this class asks the copies in order: the active copy (here or relayed to its instance), else
 * a standby replica (here, or relayed to an instance that keeps one), the answer then marked
 * {@value Relay#STALE_HEADER}{@code : true} because a standby may trail the active by up to a
 * commit interval, more while the active moves. The active copy's answer is marked too while
 * this instance has lost touch with Kafka ({@link BrokerContact}).
 */
final class KeyRouter {
    /** How long a lookup waits for a moving partition to become queryable somewhere before a 503. */
    static final Duration MOVE_WAIT = Duration.ofSeconds(5);

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

    private final KeyLocator locator;
    private final Relay relay;

    /** @param authToken the bearer token this instance's own requests to the others carry; empty for none */
    KeyRouter(KafkaStreams streams, HostInfo self, String authToken) {
        this(new KeyLocator(streams, self), new Relay(self, authToken));
    }

    KeyRouter(KeyLocator locator, Relay relay) {
        this.locator = locator;
        this.relay = relay;
    }

    HostInfo self() {
        return locator.self();
    }

    /** Where the active copy of {@code key} in {@code store} is now ({@link KeyLocator#route}). */
    Route route(String store, String key) {
        return locator.route(store, key);
    }

    /** This instance's own read of another's endpoint ({@link Relay#fetch}). */
    Relay.Fetched fetch(HostInfo owner, String pathAndQuery) {
        return relay.fetch(owner, pathAndQuery);
    }

    /** Relays the request to {@code owner} and copies its answer back ({@link Relay#forward}). */
    void forward(Context ctx, HostInfo owner) {
        relay.forward(ctx, owner);
    }

    /**
     * Answers a lookup of {@code key} in {@code store}: from the active copy if it can answer,
     * else from a standby replica with {@value Relay#STALE_HEADER}; 503 when no copy answers.
     */
    void serve(Context ctx, String store, String key, LocalAnswer local) {
        // A moving partition can have no queryable copy for a moment (a standby turning active
        // restores its last records first): the instance first asked waits that out, within
        // bounds, rather than fail the lookup; a relayed request answers at once so it can.
        boolean relayed = Relay.relayed(ctx);
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
        Placement placement = locator.placement(store, key, relayed);
        if (placement == null) {
            throw new ApiError(503, "the instances are not yet assigned their partitions; retry shortly");
        }
        if (placement.active() != null && answered(ctx, store, placement.active(), placement.partition(), local)) {
            return;
        }
        // The active copy cannot answer (moving, restoring or its instance gone): try the standbys,
        // and ask Kafka Streams afresh next time, in case the route moved.
        locator.forget(store);
        for (Copy standby : placement.standbys()) {
            if (answered(ctx, store, standby, placement.partition(), local)) {
                return;
            }
        }
        throw new ApiError(503, "no instance can answer for " + key + " right now (partition "
                + placement.partition() + " is moving or restoring); retry shortly");
    }

    /** Whether {@code copy} answered: read here, or relayed to its instance; false to ask the next copy. */
    private boolean answered(Context ctx, String store, Copy copy, int partition, LocalAnswer local) {
        if (!copy.here()) {
            return relay.tryForward(ctx, copy.host(), copy.stale());
        }
        Optional<Object> answer = tryLocal(store, local, partition, copy.stale());
        if (answer.isEmpty()) {
            return false;
        }
        if (copy.stale() || !locator.brokerConnected()) {
            ctx.header(Relay.STALE_HEADER, "true");
        }
        JsonAnswer.write(ctx, answer.get());
        return true;
    }

    private Optional<Object> tryLocal(String store, LocalAnswer local, int partition, boolean stale) {
        if (stale && !locator.closeBehind(store, partition)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(local.answer(partition, stale));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
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
            case REMOTE -> relay.forward(ctx, route.host());
            case LOCAL -> local.accept(route.partition());
        }
    }
}
