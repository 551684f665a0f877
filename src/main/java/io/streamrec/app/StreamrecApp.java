package io.streamrec.app;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.ItemIndex;
import io.streamrec.serving.HttpApi;
import io.streamrec.topology.TopologyFactory;
import io.streamrec.topology.TopologySettings;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamrec instance: makes sure the topics exist, runs the topology, and serves HTTP.
 * The same class runs on the embedded broker and against any Kafka cluster.
 */
public final class StreamrecApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamrecApp.class);

    private final KafkaStreams streams;
    private final HttpApi http;
    private final Producer<String, byte[]> producer;
    private final HostInfo self;
    private final StreamrecMetrics metrics;

    private StreamrecApp(KafkaStreams streams, HttpApi http, Producer<String, byte[]> producer, HostInfo self,
                         StreamrecMetrics metrics) {
        this.streams = streams;
        this.http = http;
        this.producer = producer;
        this.self = self;
        this.metrics = metrics;
    }

    public static StreamrecApp start(StreamrecConfig config) {
        int port = config.getInt(StreamrecConfig.HTTP_PORT);
        // application.server must name the real port before Kafka Streams starts, so an
        // ephemeral port is chosen here rather than by the HTTP server.
        HostInfo self = new HostInfo(config.advertisedHttpHost(), port == 0 ? EmbeddedKafka.freePorts(1)[0] : port);
        Properties kafka = config.kafkaProperties(self.port());
        TopologySettings settings = config.topologySettings();
        try (Admin admin = Admin.create(only(kafka, AdminClientConfig.configNames()))) {
            TopicSetup.ensure(admin, config);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create streamrec's topics on " + config.get(
                    StreamrecConfig.BOOTSTRAP_SERVERS) + ": " + e.getMessage(), e);
        }
        ItemIndex index = new ItemIndex(settings.model().dimensions());
        Properties streamsProps = new Properties();
        streamsProps.putAll(kafka);
        streamsProps.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        StreamrecMetrics metrics = new StreamrecMetrics(settings.refresh().listSize());
        KafkaStreams streams = new KafkaStreams(TopologyFactory.build(settings, index, metrics.topology()), streamsProps);
        metrics.watch(streams, index);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        Properties producerProps = only(kafka, ProducerConfig.configNames());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Producer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer());
        HttpApi http = HttpApi.start(config.get(StreamrecConfig.HTTP_HOST), self, streams, index, settings, producer,
                metrics, config.get(StreamrecConfig.HTTP_AUTH_TOKEN));
        streams.start();
        LOG.info("streamrec instance {} started: {}", self, config);
        return new StreamrecApp(streams, http, producer, self, metrics);
    }

    public String httpUrl() {
        return "http://" + self.host() + ":" + http.port();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Waits until the topology is processing; throws when it does not within {@code timeout}. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("streams not running after " + timeout + ": " + streams.state());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        http.close();
        // Leaving the group hands this instance's partitions over at once, not a session timeout later.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        producer.close(Duration.ofSeconds(5));
        metrics.close();
    }

    /** The settings a client of {@code names} takes, security (sasl.*, ssl.*) always included. */
    static Properties only(Properties all, Set<String> names) {
        Properties subset = new Properties();
        all.forEach((key, value) -> {
            String name = key.toString();
            if (names.contains(name) || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                subset.put(key, value);
            }
        });
        return subset;
    }
}
