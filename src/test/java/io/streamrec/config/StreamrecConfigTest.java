package io.streamrec.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.model.policy.BusinessRules;
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
                .hasMessage("streamrec.topic.partitions must be > 0, was 0");
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
    void everyNumberRangeAndWeightIsCheckedWithAMessageNamingTheKey() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("processing.guarantee=exactly_once", "processing.guarantee must be exactly_once_v2 or "
                + "at_least_once, was 'exactly_once'");
        expected.put("commit.interval.ms=-5", "commit.interval.ms must be >= 0, was -5");
        expected.put("max.task.idle.ms=-2", "max.task.idle.ms must be >= -1, was -2");
        expected.put("num.standby.replicas=-1", "num.standby.replicas must be >= 0, was -1");
        expected.put("streamrec.topic.partitions=-3", "streamrec.topic.partitions must be > 0, was -3");
        expected.put("streamrec.topic.replication.factor=0", "streamrec.topic.replication.factor must be -1 or > 0, "
                + "was 0");
        expected.put("streamrec.http.port=70000", "streamrec.http.port must be in 0..65535, was 70000");
        expected.put("streamrec.http.auth.token=short", "streamrec.http.auth.token must be empty (no auth) or at "
                + "least 16 characters without spaces");
        expected.put("streamrec.model.dimensions=2000", "streamrec.model.dimensions must be in 1..1024, was 2000");
        expected.put("streamrec.model.learning.rate=0", "streamrec.model.learning.rate must be > 0, was 0.0");
        expected.put("streamrec.model.learning.rate=NaN", "streamrec.model.learning.rate must be a number, was 'NaN'");
        expected.put("streamrec.model.regularization=-0.1", "streamrec.model.regularization must be >= 0, was -0.1");
        expected.put("streamrec.model.negatives=-1", "streamrec.model.negatives must be >= 0, was -1");
        expected.put("streamrec.model.covisit.window=30", "streamrec.model.covisit.window must be <= "
                + "streamrec.model.recent.items, was 30 > 20");
        expected.put("streamrec.model.neighbours=0", "streamrec.model.neighbours must be > 0, was 0");
        expected.put("streamrec.model.popularity.half.life.ms=0", "streamrec.model.popularity.half.life.ms must be "
                + "> 0, was 0");
        expected.put("streamrec.model.recency.decay=1.5", "streamrec.model.recency.decay must be in (0, 1], was 1.5");
        expected.put("streamrec.model.pair.decay=0", "streamrec.model.pair.decay must be in (0, 1], was 0.0");
        expected.put("streamrec.model.covisit.candidates=0", "streamrec.model.covisit.candidates must be > 0, was 0");
        expected.put("streamrec.blend.popularity=-1", "streamrec.blend.popularity must be >= 0, was -1.0");
        expected.put("streamrec.event.weights=VIEW:-1", "streamrec.event.weights: weight of VIEW must be a positive "
                + "number, was -1");
        expected.put("streamrec.event.weights=VIEW:abc", "streamrec.event.weights: weight of VIEW must be a number, "
                + "got 'abc'");
        expected.put("streamrec.event.weights=VEIW:1", "streamrec.event.weights: unknown event type 'VEIW' (known: "
                + "ADD_TO_CART, CLICK, LIKE, PURCHASE, RATING, SHARE, VIEW)");
        expected.put("streamrec.refresh.debounce.ms=-1", "streamrec.refresh.debounce.ms must be >= 0, was -1");
        expected.put("streamrec.refresh.check.interval.ms=0", "streamrec.refresh.check.interval.ms must be > 0, "
                + "was 0");
        expected.put("streamrec.recommendations.size=0", "streamrec.recommendations.size must be > 0, was 0");
        expected.put("streamrec.item.publish.interval.ms=0", "streamrec.item.publish.interval.ms must be > 0, was 0");
        expected.put("streamrec.validation.max.id.length=0", "streamrec.validation.max.id.length must be > 0, was 0");
        expected.put("streamrec.validation.min.timestamp.ms=-1", "streamrec.validation.min.timestamp.ms must be >= "
                + "0, was -1");
        expected.put("streamrec.validation.max.future.ms=x", "streamrec.validation.max.future.ms must be an integer, "
                + "was 'x'");
        expected.forEach((setting, message) -> {
            int eq = setting.indexOf('=');
            assertThatThrownBy(() -> StreamrecConfig.of(Map.of(setting.substring(0, eq), setting.substring(eq + 1))))
                    .as(setting).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        });
        assertThat(StreamrecConfig.of(Map.of("streamrec.http.auth.token", "0123456789abcdef")).toString())
                .contains("streamrec.http.auth.token=[hidden]").doesNotContain("0123456789abcdef");
    }

    @Test
    void aMisspeltStreamrecKeyIsRefusedWithTheNearestValidName(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.htp.port", "9000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting streamrec.htp.port (did you mean streamrec.http.port?)");
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.blend.contnet", "1")))
                .hasMessage("unknown setting streamrec.blend.contnet (did you mean streamrec.blend.content?)");
        Path file = dir.resolve("streamrec.properties");
        Files.writeString(file, "streamrec.topic.partition=8\n");
        assertThatThrownBy(() -> StreamrecConfig.load(file, Map.of()))
                .hasMessage("unknown setting streamrec.topic.partition (did you mean streamrec.topic.partitions?)");
    }

    @Test
    void keysOutsideStreamrecsOwnPassThroughUnchecked() {
        StreamrecConfig config = StreamrecConfig.of(Map.of("linger.ms", "7", "some.future.kafka.setting", "x"));
        assertThat(config.kafkaProperties(8080).getProperty("linger.ms")).isEqualTo("7");
        assertThat(config.kafkaProperties(8080).getProperty("some.future.kafka.setting")).isEqualTo("x");
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(StreamrecConfig.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(StreamrecConfig.editDistance("", "abc")).isEqualTo(3);
        assertThat(StreamrecConfig.editDistance("same", "same")).isZero();
    }

    @Test
    void theRunningModelIsTheMeasuredDefault() {
        assertThat(StreamrecConfig.defaults().modelParams()).isEqualTo(io.streamrec.model.ModelParams.defaults());
    }

    @Test
    void theContentEncoderIsTfidfByDefaultAutoencoderWhenSetAndRefusedWhenNonsense() {
        assertThat(StreamrecConfig.defaults().contentEncoderSettings().encoder())
                .isEqualTo(io.streamrec.model.content.ContentEncoderSettings.Encoder.TFIDF);
        assertThat(StreamrecConfig.of(Map.of("streamrec.model.content.encoder", "autoencoder"))
                .contentEncoderSettings().learned()).isTrue();
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.model.content.encoder", "word2vec")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamrec.model.content.encoder must be tfidf, autoencoder or both, was 'word2vec'");
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
