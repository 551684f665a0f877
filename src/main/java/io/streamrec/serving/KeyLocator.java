package io.streamrec.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a key's state lives, as Kafka Streams' metadata says: the instance holding the active
 * copy of the key's partition, those keeping standby replicas, and whether this instance's own
 * copies are fit to answer. It knows nothing of HTTP: {@link Relay} takes a request to another
 * instance, {@link KeyRouter} asks the copies in the order this class gives.
 */
final class KeyLocator {
    /** The most records a standby may trail its changelog by and still answer (marked stale). */
    static final long MAX_STALE_LAG = 1_000;

    enum Kind { LOCAL, REMOTE, UNAVAILABLE }

    /** Where the active copy of a key's partition is. */
    record Route(Kind kind, HostInfo host, int partition) {
        static final Route UNAVAILABLE = new Route(Kind.UNAVAILABLE, null, -1);

        /** @param metadata Kafka Streams' answer for the key; null while it cannot say */
        static Route of(KeyQueryMetadata metadata, HostInfo self) {
            if (metadata == null) {
                return UNAVAILABLE;
            }
            Kind kind = self.equals(metadata.activeHost()) ? Kind.LOCAL : Kind.REMOTE;
            return new Route(kind, metadata.activeHost(), metadata.partition());
        }
    }

    /** A copy of a key's partition an answer may come from: this instance's when {@code here}. */
    record Copy(HostInfo host, boolean here, boolean stale) {}

    /**
     * The copies to ask for a key, in order: the {@code active} one first, then the {@code standbys}
     * (this instance's own first), whose answers are stale since a standby may trail the active by up
     * to a commit interval, more while the active moves.
     *
     * @param active null when the active copy is at another instance and the request was relayed
     *               already: a stale view of ownership must not bounce a request around forever
     */
    record Placement(int partition, Copy active, List<Copy> standbys) {
        /**
         * @param relayed whether the request came from another instance: then only this instance's
         *                copies are asked
         */
        static Placement of(KeyQueryMetadata metadata, HostInfo self, boolean relayed) {
            boolean activeHere = self.equals(metadata.activeHost());
            Copy active = activeHere ? new Copy(self, true, false)
                    : relayed ? null : new Copy(metadata.activeHost(), false, false);
            List<Copy> standbys = new ArrayList<>();
            // Stale stores include an active copy still restoring, which may answer stale meanwhile.
            if (activeHere || metadata.standbyHosts().contains(self)) {
                standbys.add(new Copy(self, true, true));
            }
            if (!relayed) {
                for (HostInfo standby : metadata.standbyHosts()) {
                    if (!standby.equals(self)) {
                        standbys.add(new Copy(standby, false, true));
                    }
                }
            }
            return new Placement(metadata.partition(), active, standbys);
        }
    }

    private final KafkaStreams streams;
    private final HostInfo self;
    /** For {@link #placement} only, whose callers fall back when a route moved; {@link #route} asks each time. */
    private final RouteCache routes;
    private final BrokerContact broker;

    KeyLocator(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
        this.routes = new RouteCache((store, key, partitioner) -> streams.queryMetadataForKey(store, key, partitioner),
                () -> streams.state() == KafkaStreams.State.RUNNING, System::nanoTime);
        this.broker = new BrokerContact(streams::metrics, System::nanoTime);
    }

    HostInfo self() {
        return self;
    }

    /** Where the active copy of {@code key} in {@code store} is, as Kafka Streams says now. */
    Route route(String store, String key) {
        return Route.of(available(() -> streams.queryMetadataForKey(store, key, new StringSerializer())), self);
    }

    /**
     * The copies to ask for {@code key}, from routes known for up to {@link RouteCache#MAX_AGE_MS}; null
     * while Kafka Streams cannot say (not running, partitions not assigned).
     */
    Placement placement(String store, String key, boolean relayed) {
        KeyQueryMetadata metadata = available(() -> routes.metadata(store, key));
        return metadata == null ? null : Placement.of(metadata, self, relayed);
    }

    /** Drops the known routes of {@code store}: an answer from them failed, so they may have moved. */
    void forget(String store) {
        routes.forget(store);
    }

    /**
     * Whether this instance's copy of the store partition trails its changelog by at most
     * {@link #MAX_STALE_LAG} records: a warm standby does, a replica still being built does not.
     */
    boolean closeBehind(String store, int partition) {
        try {
            LagInfo lag = streams.allLocalStorePartitionLags().getOrDefault(store, Map.of()).get(partition);
            return lag != null && lag.offsetLag() <= MAX_STALE_LAG;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether this instance is in touch with Kafka ({@link BrokerContact}); while it is not, even
     * its active copies may lack events the broker took.
     */
    boolean brokerConnected() {
        return broker.connected();
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
}
