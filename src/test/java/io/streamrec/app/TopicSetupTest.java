package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.topology.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** The topics streamrec creates on a real broker, and what it keeps of each. */
class TopicSetupTest {
    private static final String ONE_DAY = "86400000";

    @Test
    void theTopicsThatCarryEveryEventAgainKeepADayAndTheTablesAreCompacted() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            StreamrecConfig config = StreamrecConfig.of(Map.of("bootstrap.servers", kafka.bootstrapServers()));
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                TopicSetup.ensure(admin, config);
                Topics topics = config.topics();
                for (String topic : List.of(topics.rekeyed(), topics.itemDeltas(), topics.rankerExamples())) {
                    assertThat(config(admin, topic).get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic)
                            .isEqualTo(ONE_DAY);
                }
                for (String topic : List.of(topics.items(), topics.recommendations(), topics.itemState(),
                        topics.rankerWeights())) {
                    assertThat(config(admin, topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic)
                            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                }
                assertThat(config(admin, topics.interactions()).get(TopicConfig.RETENTION_MS_CONFIG).value())
                        .as("the input keeps the broker's default").isNotEqualTo(ONE_DAY);
            }
        }
    }

    /** The topic's configuration, once the broker's metadata has it (a topic just created may not be there yet). */
    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get().get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
