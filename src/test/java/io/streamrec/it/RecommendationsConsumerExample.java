package io.streamrec.it;

import io.streamrec.avro.Recommendations;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The README's Java consumer of `recommendations` (between the README markers), run in a JVM of
 * its own by {@link ConsumerExamplesTest}: the obvious decode,
 * {@code Recommendations.getDecoder().decode(bytes)}, with no Avro system property. Prints
 * "user list-as-JSON" per list until it has read as many lists as asked or 60 s passed.
 * Arguments: bootstrap servers, lists.
 */
public final class RecommendationsConsumerExample {
    private final int wanted;
    private final long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    private int read;

    private RecommendationsConsumerExample(int wanted) {
        this.wanted = wanted;
    }

    public static void main(String[] args) throws Exception {
        // Proves the example needs no flag: nothing told Avro to trust any package before the
        // generated class loads (a surefire or JVM setting would make this run prove nothing).
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") != null
                || System.getProperty("org.apache.avro.SERIALIZABLE_CLASSES") != null
                || ClassSecurityValidator.getGlobal() != ClassSecurityValidator.DEFAULT) {
            System.out.println("FLAGGED: Avro was told to trust classes before the example ran");
            System.exit(3);
        }
        new RecommendationsConsumerExample(Integer.parseInt(args[1])).consume(args[0]);
    }

    private void consume(String bootstrapServers) throws Exception {
        // README:consumer
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "my-list-cache");
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed"); // only lists streamrec committed (exactly-once)
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("recommendations"));
            while (running()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        forget(record.key()); // a tombstone: the user was deleted
                    } else {
                        Recommendations list = Recommendations.getDecoder().decode(record.value());
                        keep(record.key(), list);
                    }
                }
            }
        }
        // README:end
    }

    private boolean running() {
        return read < wanted && System.nanoTime() < end;
    }

    private void forget(String user) {
        System.out.println(user + " deleted");
        read++;
    }

    private void keep(String user, Recommendations list) {
        System.out.println(user + " " + list);
        read++;
    }
}
