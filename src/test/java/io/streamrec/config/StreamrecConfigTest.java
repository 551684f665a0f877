package io.streamrec.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.BusinessRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamrecConfigTest {
    @Test
    void defaultsAreValidAndExactlyOnce() {
        StreamrecConfig config = StreamrecConfig.defaults();
        Properties kafka = config.kafkaProperties(8080);
        assertThat(kafka.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(kafka.getProperty("application.server")).isEqualTo("localhost:8080");
        assertThat(kafka).doesNotContainKey(StreamrecConfig.TOPIC_PREFIX.name());
        assertThat(config.topologySettings().weights().weight("PURCHASE"))
                .isGreaterThan(config.topologySettings().weights().weight("VIEW"));
    }

    @Test
    void fileSettingsPassThroughToKafkaAndSecretsAreNeverShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("streamrec.properties");
        Files.writeString(file, """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
                streamrec.topic.prefix=shop1.
                """);
        StreamrecConfig config = StreamrecConfig.load(file, Map.of("streamrec.http.port", "9000"));
        assertThat(config.kafkaProperties(9000).getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(config.kafkaProperties(9000).getProperty("sasl.jaas.config")).contains("password=\"p\"");
        assertThat(config.topics().interactions()).isEqualTo("shop1.interactions");
        assertThat(config.toString()).doesNotContain("password=\"p\"").contains("sasl.jaas.config=[hidden]");
    }

    @Test
    void invalidSettingsFailAtStartWithTheKeyNamed() {
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.topic.partitions", "0")))
                .hasMessage("streamrec.topic.partitions must be > 0");
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.http.port", "http")))
                .hasMessage("streamrec.http.port must be an integer, was 'http'");
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("application.id", "my app")))
                .hasMessageContaining("application.id may only contain");
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.event.weights", "VIEW=1")))
                .hasMessageContaining("TYPE:weight");
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.model.dimensions", "0")))
                .hasMessageContaining("model.dimensions");
    }

    @Test
    void theRunningModelIsTheMeasuredDefault() {
        assertThat(StreamrecConfig.defaults().modelParams()).isEqualTo(io.streamrec.model.ModelParams.defaults());
    }

    @Test
    void eventWeightsAreConfigurable() {
        StreamrecConfig config = StreamrecConfig.of(Map.of("streamrec.event.weights", "view:0.5, PURCHASE:10"));
        assertThat(config.eventWeights().weight("VIEW")).isEqualTo(0.5);
        assertThat(config.eventWeights().weight("PURCHASE")).isEqualTo(10);
        assertThat(config.eventWeights().weight("CLICK")).as("left out: not learned from").isZero();
    }

    @Test
    void configuredRulesAreReadAndValidatedAtStartUp() {
        StreamrecConfig config = StreamrecConfig.of(Map.of("streamrec.rules.include.categories", "books, music",
                "streamrec.rules.exclude.items", "i1,i2", "streamrec.rules.boost", "sale:2,books:1.5",
                "streamrec.rules.max.price", "99.5"));
        BusinessRules rules = config.topologySettings().rules();
        assertThat(rules.includeCategories()).containsExactlyInAnyOrder("books", "music");
        assertThat(rules.excludeItems()).containsExactlyInAnyOrder("i1", "i2");
        assertThat(rules.boosts()).containsEntry("sale", 2.0).containsEntry("books", 1.5);
        assertThat(rules.maxPrice()).isEqualTo(99.5);
        assertThat(StreamrecConfig.defaults().topologySettings().rules().filters()).isFalse();
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.rules.boost", "sale")))
                .hasMessageContaining("streamrec.rules.*").hasMessageContaining("category:weight");
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of(
                "streamrec.rules.min.price", "10", "streamrec.rules.max.price", "5"))).hasMessageContaining("above maximum");
    }
}
