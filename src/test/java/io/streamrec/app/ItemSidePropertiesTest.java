package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.topology.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The item side's Kafka Streams client: the user side's settings under an application id of its own. */
class ItemSidePropertiesTest {
    @Test
    void theItemSideIsItsOwnGroupWithTheSameSettings() {
        Properties userSide = StreamrecConfig.of(Map.of("application.id", "shop", "security.protocol", "SASL_SSL",
                "client.id", "shop-eu")).kafkaProperties(8080);
        Properties itemSide = StreamrecApp.itemSideProperties(userSide);

        assertThat(itemSide.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("shop-items")
                .isEqualTo(Topics.itemSideApplicationId("shop"));
        assertThat(itemSide.getProperty(StreamsConfig.CLIENT_ID_CONFIG)).as("no clash of client ids in JMX")
                .isEqualTo("shop-eu-items");
        assertThat(userSide.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("localhost:8080");
        assertThat(itemSide.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG))
                .as("advertised for /v1/instances, though it serves no lookups").isEqualTo("localhost:8080");
        assertThat(itemSide.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(itemSide.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    }

    @Test
    void bothSidesStreamThreadsFetchInBatchesAndTheOtherConsumersKeepKafkasDefaults() {
        Properties userSide = StreamrecConfig.of(Map.of()).kafkaProperties(8080);
        for (Properties side : new Properties[] {userSide, StreamrecApp.itemSideProperties(userSide)}) {
            StreamsConfig streams = new StreamsConfig(side);
            Map<String, Object> main = streams.getMainConsumerConfigs("g", "c", 0);
            assertThat(main.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)).hasToString("32768");
            assertThat(main.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).hasToString("25");
            Map<String, Object> restore = streams.getRestoreConsumerConfigs("r");
            assertThat(restore.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)).as("restoring reads all it can at once")
                    .isNull();
        }
    }
}
