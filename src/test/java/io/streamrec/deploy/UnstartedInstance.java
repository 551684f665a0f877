package io.streamrec.deploy;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.online.SharedModel;
import io.streamrec.serving.HttpApi;
import io.streamrec.topology.Topics;
import io.streamrec.topology.TopologyFactory;
import io.streamrec.topology.TopologyMetrics;
import io.streamrec.topology.TopologySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The real HTTP API, routes and auth included, over Kafka Streams clients created but never
 * started (no broker): what a probe of a starting instance meets. Closing the clients makes
 * the instance one that needs a restart.
 */
final class UnstartedInstance implements AutoCloseable {
    static final String TOKEN = "deploy-test-token-0123456789";

    private final KafkaStreams streams;
    private final KafkaStreams itemStreams;
    private final StreamrecMetrics metrics;
    private final HttpApi api;
    private final HttpClient client = HttpClient.newHttpClient();

    private UnstartedInstance(KafkaStreams streams, KafkaStreams itemStreams, StreamrecMetrics metrics, HttpApi api) {
        this.streams = streams;
        this.itemStreams = itemStreams;
        this.metrics = metrics;
        this.api = api;
    }

    /** Serves on a free port of localhost, with the bearer token {@link #TOKEN} guarding writes. */
    static UnstartedInstance start() throws Exception {
        TopologySettings settings = TopologySettings.defaults();
        SharedModel model = SharedModel.empty(settings.model(), true);
        // The settings a deployment gets (exactly-once, fetch sizes), not a hand-made subset.
        Properties props = StreamrecConfig.of(Map.of(StreamrecConfig.APPLICATION_ID.name(), "deploy-test",
                StreamrecConfig.BOOTSTRAP_SERVERS.name(), "localhost:1", StreamrecConfig.STATE_DIR.name(),
                Files.createTempDirectory("streamrec-deploy").toString())).kafkaProperties(0);
        KafkaStreams streams = new KafkaStreams(TopologyFactory.userSide(settings, model, TopologyMetrics.NONE), props);
        Properties itemProps = new Properties();
        itemProps.putAll(props);
        itemProps.put(StreamsConfig.APPLICATION_ID_CONFIG, Topics.itemSideApplicationId("deploy-test"));
        KafkaStreams itemStreams = new KafkaStreams(TopologyFactory.itemSide(settings, model, TopologyMetrics.NONE),
                itemProps);
        StreamrecMetrics metrics = new StreamrecMetrics(settings.refresh().listSize());
        HostInfo self = new HostInfo("localhost", EmbeddedKafka.freePorts(1)[0]);
        HttpApi api = HttpApi.start("localhost", self, streams, itemStreams, model, settings,
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()), metrics, TOKEN);
        return new UnstartedInstance(streams, itemStreams, metrics, api);
    }

    int port() {
        return api.port();
    }

    /** The status of an unauthenticated GET of {@code path}, as a probe sends it. */
    int get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Both Streams clients shut down, as after a fatal error: liveness must fail. */
    void stopStreams() {
        streams.close();
        itemStreams.close();
    }

    @Override
    public void close() {
        api.close();
        metrics.close();
        stopStreams();
    }
}
