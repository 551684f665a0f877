package io.streamrec.it;

import io.streamrec.avro.Recommendations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The README's Java consumer of `recommendations`, run in a JVM of its own by
 * {@link ConsumerExamplesTest}: the obvious decode, {@code Recommendations.getDecoder().decode(bytes)},
 * with no Avro system property. Prints one line per list, "user list-as-JSON", until
 * {@code lists} lists were read or 60 s passed. Arguments: bootstrap servers, topic, lists.
 */
public final class RecommendationsConsumerExample {
    private RecommendationsConsumerExample() {}

    public static void main(String[] args) throws Exception {
        // Proves the example needs no flag: nothing told Avro to trust any package before the
        // generated class loads (a surefire or JVM setting would make this run prove nothing).
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") != null
                || System.getProperty("org.apache.avro.SERIALIZABLE_CLASSES") != null
                || ClassSecurityValidator.getGlobal() != ClassSecurityValidator.DEFAULT) {
            System.out.println("FLAGGED: Avro was told to trust classes before the example ran");
            System.exit(3);
        }
        int wanted = Integer.parseInt(args[2]);
        int read = 0;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // README example starts
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", args[0],
                "group.id", "my-list-cache",
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), // only lists streamrec committed (exactly-once)
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(args[1]));
            while (read < wanted && System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        System.out.println(record.key() + " deleted"); // a tombstone: the user was erased
                    } else {
                        Recommendations list = Recommendations.getDecoder().decode(record.value());
                        System.out.println(record.key() + " " + list);
                    }
                    read++;
                }
            }
        }
        // README example ends
    }
}
