package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.StreamrecConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Kafka SASL/SSL settings reach every client streamrec creates and never appear in the logged config. */
class ClientSecurityTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"streamrec\" password=\"s3cret-pass\";";
    private static final Map<String, String> SECURITY = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/streamrec/truststore.jks",
            "ssl.truststore.password", "trust-pass-1",
            "ssl.keystore.password", "key-pass-2",
            "ssl.key.password", "key-pass-3");

    @Test
    void securitySettingsReachStreamsProducerAndAdminClients() {
        Properties kafka = StreamrecConfig.of(SECURITY).kafkaProperties(8080);
        StreamsConfig streams = new StreamsConfig(withAppId(kafka));
        for (Map<String, Object> client : new Map[] {streams.getMainConsumerConfigs("g", "c", 0),
                streams.getProducerConfigs("p"), streams.getAdminConfigs("a"), streams.getRestoreConsumerConfigs("r"),
                Map.copyOf(StreamrecApp.only(kafka, ProducerConfig.configNames())),
                Map.copyOf(StreamrecApp.only(kafka, AdminClientConfig.configNames()))}) {
            SECURITY.forEach((key, value) -> assertThat(String.valueOf(client.get(key))).as(key).isEqualTo(value));
        }
    }

    @Test
    void secretsAreHiddenInTheLoggedConfig() {
        String logged = StreamrecConfig.of(SECURITY).toString();
        assertThat(logged).doesNotContain("s3cret-pass", "trust-pass-1", "key-pass-2", "key-pass-3")
                .contains("sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]",
                        "ssl.keystore.password=[hidden]", "ssl.key.password=[hidden]",
                        "security.protocol=SASL_SSL", "ssl.truststore.location=/etc/streamrec/truststore.jks");
    }

    private static Properties withAppId(Properties kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "streamrec");
        return props;
    }
}
