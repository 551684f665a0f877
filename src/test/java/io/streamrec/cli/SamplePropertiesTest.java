package io.streamrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.StreamrecConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/streamrec.properties stays a file `run --config` accepts, its commented-out examples included. */
class SamplePropertiesTest {
    private static final Path SAMPLE = Path.of("config", "streamrec.properties");

    @Test
    void theSampleLoadsAsRunLoadsItAndSaysWhatTheDefaultsAre() {
        StreamrecConfig config = StreamrecConfig.load(SAMPLE, Map.of());
        StreamrecConfig defaults = StreamrecConfig.defaults();
        for (StreamrecConfig.Key key : List.of(StreamrecConfig.BOOTSTRAP_SERVERS, StreamrecConfig.APPLICATION_ID,
                StreamrecConfig.STATE_DIR, StreamrecConfig.HTTP_PORT, StreamrecConfig.TOPIC_PARTITIONS,
                StreamrecConfig.PROCESSING_GUARANTEE)) {
            assertThat(config.get(key)).as(key.name()).isEqualTo(defaults.get(key));
        }
    }

    @Test
    void everyCommentedOutExampleIsAValidSettingToo(@TempDir Path dir) throws Exception {
        String uncommented = Files.readString(SAMPLE).replaceAll("(?m)^#(\\w[\\w.]*=)", "$1");
        assertThat(uncommented).contains("\nsecurity.protocol=SASL_SSL").contains("\nstreamrec.http.auth.token=");
        Path file = dir.resolve("streamrec.properties");
        Files.writeString(file, uncommented);

        StreamrecConfig config = StreamrecConfig.load(file, Map.of());
        Properties kafka = config.kafkaProperties(8080);
        assertThat(kafka.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(config.get(StreamrecConfig.HTTP_ADVERTISED_HOST)).isEqualTo("streamrec-1.internal");
        assertThat(config.toString()).contains("sasl.jaas.config=[hidden]");
    }
}
