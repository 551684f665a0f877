package io.streamrec.it;

import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Recommendations;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.it.ItSupport.SingleInstance;
import io.streamrec.it.ItSupport.TopicReader;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer examples, run as a user runs them against a running instance: the Java one in a
 * JVM of its own (no Avro flag), the Python ones (examples/python/, Debian's python3-avro and
 * python3-confluent-kafka; skipped without them) producing events and reading the lists.
 */
class ConsumerExamplesTest {
    private static final int ITEMS = 20;
    private static final Http http = new Http();
    private static SingleInstance instance;

    @BeforeAll
    static void start() throws Exception {
        // No topic prefix: the examples use the default topic names, as a user's would.
        instance = SingleInstance.start("", "streamrec-consumers", Map.of());
        instance.catalogue(http, ITEMS);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aJavaConsumerDecodesListsWithTheGeneratedClassAloneAndNoAvroFlag() throws Exception {
        assertThat(ClassSecurityValidator.DEFAULT.isTrusted(Recommendations.class))
                .as("Avro's own default still refuses the class: the trust comes from the generated class").isFalse();
        List<String> users = List.of("java-consumer-1", "java-consumer-2");
        try (Producer producer = new Producer(instance.kafka().bootstrapServers(), instance.topics())) {
            for (String user : users) {
                producer.interactions(List.of(interaction(user, item(1), EventType.VIEW),
                        interaction(user, item(2), EventType.CLICK)));
            }
        }
        awaitListsOf(users);

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RecommendationsConsumerExample.class.getName(),
                instance.kafka().bootstrapServers(), "2")
                .redirectErrorStream(true).start();
        String output = finish(java, "the Java consumer example");

        assertThat(output).doesNotContain("FLAGGED", "SecurityException");
        for (String user : users) {
            assertThat(output).as(output).containsPattern("(?m)^" + user + " \\{\"user\": \"" + user + "\", \"items\": \\[\\{");
        }
    }

    @Test
    void aPythonClientProducesEventsAndReadsTheListsTheyLeadTo() throws Exception {
        String python = pythonWithAvroAndKafka();
        Path examples = Path.of("examples", "python").toAbsolutePath();
        List<String> users = List.of("python-user-1", "python-user-2");
        StringBuilder events = new StringBuilder();
        for (String user : users) {
            events.append("{\"user\": \"").append(user).append("\", \"item\": \"").append(item(3))
                    .append("\", \"type\": \"VIEW\"}\n");
            events.append("{\"user\": \"").append(user).append("\", \"item\": \"").append(item(4))
                    .append("\", \"type\": \"RATING\", \"value\": 4.5}\n");
        }
        Process producer = new ProcessBuilder(python, examples.resolve("produce_events.py").toString(),
                "--bootstrap-servers", instance.kafka().bootstrapServers())
                .redirectErrorStream(true).start();
        producer.getOutputStream().write(events.toString().getBytes(StandardCharsets.UTF_8));
        producer.getOutputStream().close();
        assertThat(finish(producer, "produce_events.py")).contains("produced 4 events");

        Map<String, Recommendations> lists = awaitListsOf(users);
        for (String user : users) {
            assertThat(lists.get(user).getEventsSeen()).as("events of %s learned, as the Python producer wrote them", user)
                    .isEqualTo(2);
        }

        Process consumer = new ProcessBuilder(python, examples.resolve("consume_recommendations.py").toString(),
                "--bootstrap-servers", instance.kafka().bootstrapServers(), "--max-seconds", "30")
                .redirectErrorStream(true).start();
        Map<String, JsonNode> latest = new HashMap<>();
        for (String line : finish(consumer, "consume_recommendations.py").split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = ItSupport.JSON.readTree(line);
                latest.put(node.get("user").asText(), node.get("list"));
            }
        }
        for (String user : users) {
            JsonNode list = latest.get(user);
            assertThat(list).as("%s's list read by the Python consumer", user).isNotNull();
            assertThat(list.get("eventsSeen").asLong()).isEqualTo(2);
            assertThat(list.get("items").size()).isEqualTo(lists.get(user).getItems().size());
            assertThat(list.get("items").get(0).get("item").asText())
                    .isEqualTo(lists.get(user).getItems().get(0).getItem());
        }
    }

    /** The latest list of each of {@code users} on `recommendations`, once each has one reflecting its events. */
    private static Map<String, Recommendations> awaitListsOf(List<String> users) {
        Map<String, Recommendations> lists = new HashMap<>();
        try (TopicReader<Recommendations> reader = new TopicReader<>(instance.kafka().bootstrapServers(),
                instance.topics().recommendations(), AvroSerdes.RECOMMENDATIONS)) {
            for (String user : users) {
                lists.put(user, reader.await("a personalised list of " + user, record -> record.key().equals(user)
                        && record.value() != null && record.value().getEventsSeen() == 2).value());
            }
        }
        return lists;
    }

    /** A python3 that has Debian's python3-avro and python3-confluent-kafka; skips the test without one. */
    private static String pythonWithAvroAndKafka() throws InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process probe = new ProcessBuilder(python, "-c", "import avro.io, confluent_kafka")
                        .redirectErrorStream(true).start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python;
                }
            } catch (IOException notInstalled) {
                // try the next
            }
        }
        Assumptions.abort("no python3 with python3-avro and python3-confluent-kafka (apt-get install python3-avro "
                + "python3-confluent-kafka)");
        return null;
    }

    private static String finish(Process process, String what) throws Exception {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish within 90 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(what + " exit status; output:\n" + output).isZero();
        return output;
    }
}
