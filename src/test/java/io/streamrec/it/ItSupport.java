package io.streamrec.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.Item;
import io.streamrec.avro.Recommendations;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.events.AvroSerde;
import io.streamrec.events.AvroSerdes;
import io.streamrec.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the integration tests share: configuration of an app under test, a plain producer of
 * streamrec's Avro records, a read_committed reader of output topics, an HTTP client that
 * answers JSON, and polling with a deadline in place of sleeps.
 */
final class ItSupport {
    /** Liveness bound for anything asynchronous; the pipeline itself answers in well under a second. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();

    private ItSupport() {}

    /** One in-process broker with one streamrec instance on it: the fixture of most end-to-end test classes. */
    record SingleInstance(EmbeddedKafka kafka, StreamrecApp app, Topics topics, String api) implements AutoCloseable {
        static SingleInstance start(String prefix, String applicationId, Map<String, String> overrides)
                throws Exception {
            EmbeddedKafka kafka = EmbeddedKafka.start();
            StreamrecApp app = null;
            try {
                StreamrecConfig config = config(kafka.bootstrapServers(), prefix, applicationId, overrides);
                app = StreamrecApp.start(config);
                app.awaitRunning(Duration.ofSeconds(30));
                return new SingleInstance(kafka, app, config.topics(), app.httpUrl());
            } catch (Exception | Error e) {
                if (app != null) {
                    app.close();
                }
                kafka.close();
                throw e;
            }
        }

        /** Publishes the standard catalogue of {@code items} and waits until the instance has indexed it. */
        void catalogue(Http http, int items) {
            try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
                producer.catalogue(items);
            }
            awaitIndexed(http, app, items);
        }

        @Override
        public void close() {
            app.close();
            kafka.close();
        }
    }

    /**
     * Settings of one app instance under test. Debounce and refresh checks are short so a test
     * waits for the pipeline, not for timers; the state lives under target/, which `mvn clean`
     * removes and where Kafka Streams does not warn about /tmp.
     */
    static StreamrecConfig config(String bootstrapServers, String prefix, String applicationId,
                                  Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("application.id", applicationId);
        settings.put("state.dir", stateDir(applicationId).toString());
        settings.put("streamrec.http.port", "0");
        settings.put("streamrec.topic.prefix", prefix);
        settings.put("streamrec.refresh.debounce.ms", "50");
        settings.put("streamrec.refresh.check.interval.ms", "10");
        settings.putAll(overrides);
        return StreamrecConfig.of(settings);
    }

    private static Path stateDir(String applicationId) {
        try {
            return Files.createDirectories(Path.of("target", "it-state", applicationId + "-" + UUID.randomUUID())
                    .toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code probe} until {@code done} accepts its value; fails with the last value after {@link #DEADLINE}. */
    static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done) {
        return await(what, probe, done, DEADLINE);
    }

    /** {@link #await(String, Supplier, Predicate)} with a wait of its own. */
    static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        T last = null;
        while (true) {
            last = probe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + wait + ": " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    static String item(int n) {
        return "it-item-" + n;
    }

    /** Five categories, item n in category n % 5: enough structure for lists to be about something. */
    static String category(int n) {
        return "cat-" + (n % 5);
    }

    static Interaction interaction(String user, String item, EventType type) {
        return Interaction.newBuilder().setUser(user).setItem(item).setType(type)
                .setTimestamp(Instant.now()).build();
    }

    /** A plain Kafka producer, as any client of streamrec would write one: key = id, value = Avro bytes. */
    static final class Producer implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private final Topics topics;

        Producer(String bootstrapServers, Topics topics) {
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
            this.topics = topics;
        }

        /** Publishes items 0..count-1 to `items`. */
        void catalogue(int count) {
            for (int n = 0; n < count; n++) {
                Item item = Item.newBuilder().setId(item(n)).setTitle("Item " + n)
                        .setCategories(List.of(category(n))).build();
                send(topics.items(), item.getId(), AvroSerdes.ITEM.encode(item));
            }
        }

        RecordMetadata interaction(Interaction event) {
            return send(topics.interactions(), event.getUser(), AvroSerdes.INTERACTION.encode(event));
        }

        /** Publishes all, then waits for all: one round trip per batch rather than per event. */
        void interactions(List<Interaction> events) {
            List<Future<RecordMetadata>> sent = events.stream().map(event -> producer.send(new ProducerRecord<>(
                    topics.interactions(), event.getUser(), AvroSerdes.INTERACTION.encode(event)))).toList();
            for (Future<RecordMetadata> future : sent) {
                try {
                    future.get();
                } catch (Exception e) {
                    throw new AssertionError("cannot publish to " + topics.interactions(), e);
                }
            }
        }

        RecordMetadata send(String topic, String key, byte[] value) {
            try {
                return producer.send(new ProducerRecord<>(topic, key, value)).get();
            } catch (Exception e) {
                throw new AssertionError("cannot publish to " + topic, e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Reads every partition of a topic from the beginning, as read_committed: only what
     * exactly-once processing committed is visible, which is what a downstream consumer sees.
     */
    static final class TopicReader<V> implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AvroSerde<? extends V> values;
        private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

        TopicReader(String bootstrapServers, String topic, AvroSerde<? extends V> values) {
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            this.values = values;
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** The first record (since this reader started) that {@code match} accepts. */
        ConsumerRecord<String, V> await(String what, Predicate<ConsumerRecord<String, V>> match) {
            return ItSupport.await(what, () -> {
                for (ConsumerRecord<String, V> record : seen) {
                    if (match.test(record)) {
                        return record;
                    }
                }
                for (ConsumerRecord<String, byte[]> raw : consumer.poll(Duration.ofMillis(50))) {
                    seen.add(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.key(),
                            decode(raw.value())));
                }
                return null;
            }, record -> true);
        }

        private V decode(byte[] bytes) {
            try {
                return values.decode(bytes);
            } catch (IOException e) {
                throw new AssertionError("streamrec wrote a record that does not decode", e);
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** An HTTP answer with its JSON body parsed. */
    record Answer(int status, JsonNode body, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final class Http {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        /** Sent as "Authorization: Bearer ..." on every request when not null. */
        private final String token;

        Http() {
            this(null);
        }

        /** A client that authenticates every request with the instances' bearer token. */
        Http(String token) {
            this.token = token;
        }

        Answer get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        Answer post(String url, String json) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer put(String url, String json) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer delete(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
        }

        private Answer send(HttpRequest.Builder request) {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String body = response.body();
                return new Answer(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body),
                        response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    static List<String> itemIds(JsonNode listAnswer) {
        List<String> ids = new ArrayList<>();
        listAnswer.get("items").forEach(entry -> ids.add(entry.get("item").asText()));
        return ids;
    }

    /** Waits until this instance's item index holds the whole catalogue (it is fed asynchronously). */
    static void awaitIndexed(Http http, StreamrecApp app, int items) {
        await("item index of " + app.httpUrl() + " holds " + items + " items",
                () -> http.get(app.httpUrl() + "/health").body(),
                health -> health.path("indexedItems").asInt() >= items);
    }

    /**
     * The main flow, shared by the embedded-broker and the Docker test: Avro events published to
     * `interactions` yield the user's refreshed list on `recommendations` (committed, so visible
     * to read_committed) and from HTTP, without the items the user already touched.
     */
    static void assertEventsBecomeRecommendations(String bootstrapServers, Topics topics, StreamrecApp app,
                                                  String user) {
        List<String> touched = List.of(item(0), item(5), item(10));
        try (Producer producer = new Producer(bootstrapServers, topics);
             TopicReader<Recommendations> recommendations = new TopicReader<>(bootstrapServers,
                     topics.recommendations(), AvroSerdes.RECOMMENDATIONS)) {
            RecordMetadata last = null;
            for (String item : touched) {
                last = producer.interaction(interaction(user, item, EventType.CLICK));
            }
            long lastOffset = last.offset();
            Recommendations list = recommendations.await("a list of " + user + " reflecting all its events",
                    r -> user.equals(r.key()) && r.value() != null && r.value().getLastEventOffset() >= lastOffset)
                    .value();

            assertThat(list.getUser()).isEqualTo(user);
            assertThat(list.getPersonalized()).isTrue();
            assertThat(list.getEventsSeen()).isEqualTo(touched.size());
            assertThat(list.getLastEventPartition()).isEqualTo(last.partition());
            assertThat(list.getItems()).isNotEmpty();
            assertThat(list.getItems()).allSatisfy(entry -> {
                assertThat(entry.getItem()).isNotIn(touched);
                assertThat(entry.getReason()).isNotBlank();
                assertThat(entry.getSource()).isNotBlank();
                assertThat(entry.getScore()).isFinite();
            });
            Set<String> onTopic = list.getItems().stream().map(i -> i.getItem()).collect(Collectors.toSet());

            Answer answer = new Http().get(app.httpUrl() + "/v1/users/" + user + "/recommendations?n=5");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode body = answer.body();
            assertThat(body.get("user").asText()).isEqualTo(user);
            assertThat(body.get("personalized").isBoolean()).isTrue();
            assertThat(body.get("personalized").asBoolean()).isTrue();
            assertThat(body.get("eventsSeen").asLong()).isEqualTo(touched.size());
            assertThat(body.get("lastEventOffset").asLong()).isGreaterThanOrEqualTo(lastOffset);
            assertThat(body.get("items").isArray()).isTrue();
            assertThat(body.get("items")).hasSize(Math.min(5, list.getItems().size()));
            body.get("items").forEach(entry -> {
                assertThat(entry.get("item").isTextual()).isTrue();
                assertThat(entry.get("score").isNumber()).isTrue();
                assertThat(entry.get("reason").asText()).isNotBlank();
                assertThat(entry.get("source").asText()).isNotBlank();
            });
            assertThat(itemIds(body)).doesNotContainAnyElementsOf(touched).isSubsetOf(onTopic);
        }
    }
}
