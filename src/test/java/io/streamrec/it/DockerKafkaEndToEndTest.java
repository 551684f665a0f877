package io.streamrec.it;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.topology.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The main flow against the official Kafka image rather than the in-process broker, to catch
 * anything that only works because broker and app share a JVM. Skipped where no Docker engine
 * runs (as here and in CI), so the suite stays green without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerKafkaEndToEndTest {
    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void publishedEventsYieldARefreshedListOnTheTopicAndOverHttp() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        StreamrecConfig config = ItSupport.config(bootstrap, "docker.", "streamrec-docker", Map.of());
        Topics topics = config.topics();
        try (StreamrecApp app = StreamrecApp.start(config)) {
            app.awaitRunning(Duration.ofSeconds(60));
            try (Producer producer = new Producer(bootstrap, topics)) {
                producer.catalogue(30);
            }
            ItSupport.awaitIndexed(new Http(), app, 30);
            ItSupport.assertEventsBecomeRecommendations(bootstrap, topics, app, "docker-user");
        }
    }
}
