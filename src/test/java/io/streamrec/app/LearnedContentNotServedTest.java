package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.config.StreamrecConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedContentNotServedTest {
    @Test
    void aRunningInstanceRefusesTheContentAutoencoderBeforeContactingKafkaRatherThanServeTfidfUnderIt() {
        StreamrecConfig config = StreamrecConfig.of(Map.of("streamrec.model.content.encoder", "autoencoder",
                "bootstrap.servers", "localhost:1"));
        assertThatThrownBy(() -> StreamrecApp.start(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamrec.model.content.encoder=autoencoder is measured by evaluate only; a running "
                        + "instance serves tfidf, the default");
    }
}
