package io.streamrec.serving;

import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.topology.TopologyFactory;
import io.streamrec.topology.TopologyMetrics;
import io.streamrec.topology.TopologySettings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The real HTTP API on a free port, with Kafka Streams created but not started (no broker
 * needed) and a producer that records what would be published: for what the HTTP layer alone
 * decides. The interactions topic has {@link #PARTITIONS} partitions as the producer sees it.
 */
final class HttpOnlyInstance implements AutoCloseable {
    static final int PARTITIONS = 4;

    final TopologySettings settings = TopologySettings.defaults();
    final ItemIndex index = new ItemIndex(settings.model().dimensions());
    private final SharedModel model = SharedModel.of(settings.model(), index);
    final StreamrecMetrics metrics = new StreamrecMetrics(settings.refresh().listSize());
    final MockProducer<String, byte[]> producer;
    final KafkaStreams streams;
    final KafkaStreams itemStreams;
    private HttpApi api;

    HttpOnlyInstance(String token) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "http-only-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("streamrec-http").toString());
        streams = new KafkaStreams(TopologyFactory.userSide(settings, model, TopologyMetrics.NONE), props);
        Properties itemProps = new Properties();
        itemProps.putAll(props);
        itemProps.put(StreamsConfig.APPLICATION_ID_CONFIG, "http-only-test-items");
        itemStreams = new KafkaStreams(TopologyFactory.itemSide(settings, model, TopologyMetrics.NONE), itemProps);
        producer = new MockProducer<>(cluster(settings.topics().interactions()), true, null, new StringSerializer(),
                new ByteArraySerializer());
        restart(token);
    }

    /** Serves again, on a new port, with {@code token} guarding the writes ("" for none). */
    void restart(String token) {
        if (api != null) {
            api.close();
        }
        api = HttpApi.start("localhost", new HostInfo("localhost", EmbeddedKafka.freePorts(1)[0]), streams,
                itemStreams, model, settings, producer, metrics, token);
    }

    String url() {
        return "http://localhost:" + api.port();
    }

    private static Cluster cluster(String topic) {
        Node broker = new Node(0, "localhost", 1);
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new PartitionInfo(topic, p, broker, new Node[] {broker}, new Node[] {broker}));
        }
        return new Cluster("test", List.of(broker), partitions, Set.of(), Set.of());
    }

    @Override
    public void close() {
        api.close();
        metrics.close();
        streams.close();
        itemStreams.close();
    }
}
