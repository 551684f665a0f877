package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.index.ItemIndex;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/** The state of this instance and of the cluster of instances sharing the work. */
final class ClusterResource {
    private final KafkaStreams streams;
    private final KafkaStreams itemStreams;
    private final Readiness readiness;
    private final KeyRouter router;
    private final ItemIndex index;

    /** @param itemStreams the item side's client, which advertises the same host and port as the user side */
    ClusterResource(KafkaStreams streams, KafkaStreams itemStreams, Readiness readiness, KeyRouter router,
                    ItemIndex index) {
        this.streams = streams;
        this.itemStreams = itemStreams;
        this.readiness = readiness;
        this.router = router;
        this.index = index;
    }

    /**
     * {@code GET /v1/instances}: every instance, the user-side partitions it owns and keeps standby,
     * and under {@code itemSide} the same for its item side (its own consumer group), while that
     * side runs or rebalances.
     */
    void instances(Context ctx) {
        Map<HostInfo, StreamsMetadata> userSides = byHost(streams.metadataForAllStreamsClients());
        Map<HostInfo, StreamsMetadata> itemSides = itemStreams.state().isRunningOrRebalancing()
                ? byHost(itemStreams.metadataForAllStreamsClients()) : Map.of();
        Set<HostInfo> hosts = new TreeSet<>(Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port));
        hosts.addAll(userSides.keySet());
        hosts.addAll(itemSides.keySet());
        List<Map<String, Object>> instances = hosts.stream()
                .map(host -> describe(host, userSides.get(host), itemSides.get(host))).toList();
        ctx.json(Map.of("self", router.self().host() + ":" + router.self().port(), "instances", instances));
    }

    private static Map<HostInfo, StreamsMetadata> byHost(Collection<StreamsMetadata> clients) {
        Map<HostInfo, StreamsMetadata> out = new HashMap<>();
        clients.forEach(metadata -> out.put(metadata.hostInfo(), metadata));
        return out;
    }

    /** {@code GET /health}: 200 while both sides process (running or rebalancing), 503 otherwise. */
    void health(Context ctx) {
        boolean up = readiness.processing();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("streams", readiness.state().name());
        body.put("itemStreams", readiness.itemSideState().name());
        body.put("indexedItems", index.size());
        ctx.status(up ? 200 : 503).json(body);
    }

    /** One instance; a side it has not joined with yet (or whose metadata is unknown) lists no partitions. */
    private Map<String, Object> describe(HostInfo host, StreamsMetadata userSide, StreamsMetadata itemSide) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", host.host());
        out.put("port", host.port());
        out.put("self", host.equals(router.self()));
        out.putAll(assignment(userSide));
        out.put("itemSide", assignment(itemSide));
        return out;
    }

    private static Map<String, Object> assignment(StreamsMetadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", metadata == null ? List.of() : partitions(metadata.topicPartitions()));
        out.put("standby", metadata == null ? List.of() : partitions(metadata.standbyTopicPartitions()));
        return out;
    }

    private static List<String> partitions(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }
}
