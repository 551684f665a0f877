package io.streamrec.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {
    @Test
    void aRecordProducedIsConsumedBack() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            createTopic(kafka.bootstrapServers(), "t");
            send(kafka.bootstrapServers(), "t", "v");
            assertThat(read(kafka.bootstrapServers(), "t", 1)).containsExactly("v");
        }
    }

    @Test
    void aRestartedBrokerKeepsItsAddressAndTheRecordsItHad() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String address = kafka.bootstrapServers();
            createTopic(address, "kept");
            send(address, "kept", "before");
            kafka.stop();
            assertThatCode(kafka::stop).as("stopping a stopped broker").doesNotThrowAnyException();
            kafka.restart();
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            assertThatThrownBy(kafka::restart).isInstanceOf(IllegalStateException.class);
            send(address, "kept", "after");
            assertThat(read(address, "kept", 2)).containsExactly("before", "after");
        }
    }

    private static void createTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void send(String bootstrapServers, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    /** The values of the topic from its beginning, once {@code count} arrived or ten seconds passed. */
    private static List<String> read(String bootstrapServers, String topic, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "group.id", "g", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 50 && values.size() < count; i++) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
