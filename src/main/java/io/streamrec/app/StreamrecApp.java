package io.streamrec.app;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.serving.HttpApi;
import io.streamrec.topology.Topics;
import io.streamrec.topology.TopologyFactory;
import io.streamrec.topology.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
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
 *
 * <p>The topology runs as two Kafka Streams clients: the user side (application id as
 * configured; it serves the lookups) and the item side (that id plus {@link Topics#ITEM_SIDE_SUFFIX}).
 * Each has its own consumer and stream threads, so a backlog of events cannot keep the item
 * side from learning.
 */
public final class StreamrecApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamrecApp.class);

    private final KafkaStreams streams;
    private final KafkaStreams itemStreams;
    private final HttpApi http;
    private final Producer<String, byte[]> producer;
    private final HostInfo self;
    private final StreamrecMetrics metrics;
    private final InputLagWatch inputLag;

    private StreamrecApp(KafkaStreams streams, KafkaStreams itemStreams, HttpApi http,
                         Producer<String, byte[]> producer, HostInfo self, StreamrecMetrics metrics,
                         InputLagWatch inputLag) {
        this.inputLag = inputLag;
        this.streams = streams;
        this.itemStreams = itemStreams;
        this.http = http;
        this.producer = producer;
        this.self = self;
        this.metrics = metrics;
    }

    public static StreamrecApp start(StreamrecConfig config) {
        if (config.contentEncoderSettings().learned()) {
            // The replay trains the content autoencoder; the topology does not yet, and an instance
            // that silently served TF-IDF under this setting would not be what was measured.
            throw new IllegalArgumentException(StreamrecConfig.MODEL_CONTENT_ENCODER.name() + "="
                    + config.get(StreamrecConfig.MODEL_CONTENT_ENCODER) + " is measured by evaluate only; a running "
                    + "instance serves tfidf, the default");
        }
        int port = config.getInt(StreamrecConfig.HTTP_PORT);
        // application.server must name the real port before Kafka Streams starts, so an
        // ephemeral port is chosen here rather than by the HTTP server.
        HostInfo self = new HostInfo(config.advertisedHttpHost(), port == 0 ? anyFreePort() : port);
        Properties kafka = config.kafkaProperties(self.port());
        TopologySettings settings = config.topologySettings();
        try (Admin admin = Admin.create(only(kafka, AdminClientConfig.configNames()))) {
            TopicSetup.ensure(admin, config);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create streamrec's topics on " + config.get(
                    StreamrecConfig.BOOTSTRAP_SERVERS) + ": " + e.getMessage(), e);
        }
        // One model per process: every stream thread and every HTTP answer ranks through it.
        SharedModel model = SharedModel.empty(settings.model(), true);
        ItemIndex index = model.index();
        Properties streamsProps = new Properties();
        streamsProps.putAll(kafka);
        streamsProps.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        BoundedRocksDbMemory.install(streamsProps, config.rocksDbMemoryBytes());
        StreamrecMetrics metrics = new StreamrecMetrics(settings.refresh().listSize());
        Topics topics = settings.topics();
        InputLagWatch inputLag = new InputLagWatch(Set.of(topics.interactions(), topics.rekeyed()),
                config.getLong(StreamrecConfig.REFRESH_BEHIND_MS));
        KafkaStreams streams = new KafkaStreams(
                TopologyFactory.userSide(settings, model, metrics.topology(), inputLag), streamsProps);
        inputLag.watch(streams);
        KafkaStreams itemStreams = new KafkaStreams(
                TopologyFactory.itemSide(settings, model, metrics.topology(), inputLag),
                itemSideProperties(streamsProps));
        for (KafkaStreams client : List.of(streams, itemStreams)) {
            metrics.watch(client);
            client.setUncaughtExceptionHandler(e -> {
                LOG.error("stream thread failed; replacing it", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        }
        metrics.watch(index);
        Properties producerProps = only(kafka, ProducerConfig.configNames());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // POST /v1/events waits for this producer: with the broker gone it must fail within
        // seconds (a 503 the client retries) rather than hold the request for Kafka's 1-2 minute defaults.
        producerProps.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        producerProps.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        // Kafka refuses a delivery timeout below linger + request timeout, which an operator may have raised.
        producerProps.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(5000,
                Long.parseLong(producerProps.getProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG))
                        + Long.parseLong(producerProps.getProperty(ProducerConfig.LINGER_MS_CONFIG, "5")))));
        Producer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer());
        HttpApi http = HttpApi.start(config.get(StreamrecConfig.HTTP_HOST), self, streams, itemStreams, model,
                settings, producer, metrics, config.get(StreamrecConfig.HTTP_AUTH_TOKEN));
        streams.start();
        itemStreams.start();
        LOG.info("streamrec instance {} started: {}", self, config);
        return new StreamrecApp(streams, itemStreams, http, producer, self, metrics, inputLag);
    }

    private static int anyFreePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the HTTP API", e);
        }
    }

    /**
     * The user side's settings under the item side's own application id, so it forms its own
     * consumer group, transactional ids and state folder. It serves no lookups, but advertises
     * the same application.server: that is how {@code GET /v1/instances} tells which instance
     * holds which of its partitions.
     */
    static Properties itemSideProperties(Properties userSide) {
        Properties items = new Properties();
        items.putAll(userSide);
        items.put(StreamsConfig.APPLICATION_ID_CONFIG, Topics.itemSideApplicationId(
                userSide.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)));
        String clientId = userSide.getProperty(StreamsConfig.CLIENT_ID_CONFIG);
        if (clientId != null && !clientId.isEmpty()) {
            items.put(StreamsConfig.CLIENT_ID_CONFIG, clientId + Topics.ITEM_SIDE_SUFFIX);
        }
        return items;
    }

    public String httpUrl() {
        return "http://" + self.host() + ":" + http.port();
    }

    /** The user side's client: its stores answer the lookups. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The item side's client. */
    public KafkaStreams itemStreams() {
        return itemStreams;
    }

    /** Waits until both sides are processing; throws when they are not within {@code timeout}. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (KafkaStreams client : List.of(streams, itemStreams)) {
            while (client.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline || !client.state().isRunningOrRebalancing()
                        && client.state() != KafkaStreams.State.CREATED) {
                    throw new IllegalStateException("streams not running after " + timeout + ": user side "
                            + streams.state() + ", item side " + itemStreams.state());
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        inputLag.close();
        http.close();
        // Leaving the group hands this instance's partitions over at once, not a session timeout later.
        // The user side first: it stops sending item deltas the item side would otherwise leave behind.
        for (KafkaStreams client : List.of(streams, itemStreams)) {
            client.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        producer.close(Duration.ofSeconds(5));
        metrics.close();
    }

    /** The settings a client of {@code names} takes, security (sasl.*, ssl.*) always included. */
    public static Properties only(Properties all, Set<String> names) {
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
