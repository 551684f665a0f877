package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.model.ItemIndex;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;

/** The state of this instance and of the cluster of instances sharing the work. */
final class ClusterResource {
    private final KafkaStreams streams;
    private final Readiness readiness;
    private final KeyRouter router;
    private final ItemIndex index;

    ClusterResource(KafkaStreams streams, Readiness readiness, KeyRouter router, ItemIndex index) {
        this.streams = streams;
        this.readiness = readiness;
        this.router = router;
        this.index = index;
    }

    /** {@code GET /v1/instances}: every instance, the user-side partitions it owns and keeps standby. */
    void instances(Context ctx) {
        List<Map<String, Object>> instances = streams.metadataForAllStreamsClients().stream()
                .sorted(Comparator.comparing((StreamsMetadata m) -> m.hostInfo().host())
                        .thenComparingInt(m -> m.hostInfo().port()))
                .map(this::describe).toList();
        ctx.json(Map.of("self", router.self().host() + ":" + router.self().port(), "instances", instances));
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

    private Map<String, Object> describe(StreamsMetadata metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", metadata.hostInfo().host());
        out.put("port", metadata.hostInfo().port());
        out.put("self", metadata.hostInfo().equals(router.self()));
        out.put("active", partitions(metadata.topicPartitions()));
        out.put("standby", partitions(metadata.standbyTopicPartitions()));
        return out;
    }

    private static List<String> partitions(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }
}
