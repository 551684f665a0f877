package io.streamrec.it;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.events.AvroSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the reliability tests share: their size (small in `mvn test`, full-size under
 * `-Preliability`, which sets {@code streamrec.reliability=full}), the one summary line each
 * prints, a reader of the latest committed value of every key of a topic, and a streamrec
 * instance in a child JVM that can be killed with SIGKILL.
 */
final class Reliability {
    static final boolean FULL = "full".equals(System.getProperty("streamrec.reliability"));

    private Reliability() {}

    static int size(int small, int full) {
        return FULL ? full : small;
    }

    /**
     * Skips a test outside the full-size run: the normal suite keeps to the short ones (fuzz,
     * rebalance) so `mvn test` stays fast; `mvn -Preliability verify` runs them all.
     */
    static void longTest() {
        org.junit.jupiter.api.Assumptions.assumeTrue(FULL,
                "a long reliability test: `mvn -Preliability verify` runs it");
    }

    static Duration deadline(int smallSeconds, int fullSeconds) {
        return Duration.ofSeconds(FULL ? fullSeconds : smallSeconds);
    }

    /** The one line each test prints, so the outcome reads at a glance. */
    static void summary(String format, Object... args) {
        System.out.println("RELIABILITY " + String.format(format, args));
    }

    static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    /** Polls {@code probe} until {@code done} accepts it; fails with the last value after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T last = probe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts an instance and waits until both its sides are processing. */
    static StreamrecApp startRunning(StreamrecConfig config) throws InterruptedException {
        StreamrecApp app = StreamrecApp.start(config);
        app.awaitRunning(Duration.ofSeconds(60));
        return app;
    }

    /** The names of both sides' stream threads: a name not seen before is a replaced thread. */
    static Set<String> streamThreadNames(StreamrecApp app) {
        Set<String> names = new HashSet<>();
        app.streams().metadataForLocalThreads().forEach(t -> names.add(t.threadName()));
        app.itemStreams().metadataForLocalThreads().forEach(t -> names.add(t.threadName()));
        return names;
    }

    static Path stateDir(String name) {
        try {
            return Files.createDirectories(Path.of("target", "it-state", name + "-" + System.nanoTime())
                    .toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The latest committed value of every key of a topic (read_committed, so exactly what
     * exactly-once processing committed); a tombstone leaves the key mapped to null.
     */
    static final class Latest<V extends org.apache.avro.specific.SpecificRecord> implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final AvroSerde<V> values;
        private final List<TopicPartition> partitions;
        private final Map<String, V> latest = new HashMap<>();

        Latest(String bootstrapServers, String topic, AvroSerde<V> values) {
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            this.values = values;
            // Topics appear when the first instance starts; wait for them rather than read none.
            this.partitions = await(topic + " exists", Duration.ofSeconds(30), () -> consumer.partitionsFor(topic,
                    Duration.ofSeconds(5)).stream().map(p -> new TopicPartition(topic, p.partition())).toList(),
                    found -> !found.isEmpty());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Everything committed until now; the map is this reader's own, updated by each call. */
        Map<String, V> catchUp() {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        latest.put(record.key(), values.decode(record.value()));
                    } catch (IOException e) {
                        throw new AssertionError("streamrec wrote a record that does not decode", e);
                    }
                }
            }
            return latest;
        }

        Map<String, V> awaitAll(String what, Duration timeout, Predicate<Map<String, V>> done) {
            try {
                return await(what, timeout, this::catchUp, done);
            } catch (AssertionError e) {
                return latest;
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Every committed record of a topic from the beginning, until {@code done} accepts them or the time is up. */
    static <V extends org.apache.avro.specific.SpecificRecord> List<ConsumerRecord<String, V>> readAll(
            String bootstrapServers, String topic, AvroSerde<V> values, Duration timeout,
            Predicate<List<ConsumerRecord<String, V>>> done) {
        List<ConsumerRecord<String, V>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(all) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> raw : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        all.add(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.key(),
                                values.decode(raw.value())));
                    } catch (IOException e) {
                        throw new AssertionError("streamrec wrote a record that does not decode", e);
                    }
                }
            }
        }
        return all;
    }

    /**
     * The `run` command line of an instance with the reliability tests' settings (a short debounce
     * and refresh check) plus {@code settings}.
     */
    static List<String> runArgs(String bootstrapServers, String prefix, String applicationId,
                                Map<String, String> settings, int httpPort, Path stateDir) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("application.id", applicationId);
        all.put("streamrec.topic.prefix", prefix);
        all.put("streamrec.refresh.debounce.ms", "50");
        all.put("streamrec.refresh.check.interval.ms", "10");
        all.put(StreamrecConfig.STATE_DIR.name(), stateDir.toString());
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers,
                "--http-port", String.valueOf(httpPort)));
        all.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        return args;
    }

    /** The status of {@code url}/health/ready, or null while nothing listens there yet. */
    static Integer readiness(ItSupport.Http http, String url) {
        try {
            return http.get(url + "/health/ready").status();
        } catch (UncheckedIOException notListeningYet) {
            return null;
        }
    }

    /** A streamrec instance in its own JVM, started with the `run` command, as in production. */
    static final class Child implements AutoCloseable {
        private final Process process;

        private Child(Process process) {
            this.process = process;
        }

        static Child run(Path log, List<String> runArgs) {
            return run(log, testClassPath(), runArgs);
        }

        /** {@code run} on another class path, e.g. a newer build's classes ahead of this one's. */
        static Child run(Path log, String classPath, List<String> runArgs) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                    classPath, "io.streamrec.cli.Main", "run"));
            command.addAll(runArgs);
            try {
                Files.createDirectories(log.getParent());
                return new Child(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until the instance at {@code url} is ready; fails at once if the JVM exited. */
        void awaitReady(ItSupport.Http http, String url, Path log) {
            await(url + "/health/ready answers 200", Duration.ofSeconds(90), () -> {
                if (!alive()) {
                    throw new AssertionError("the child JVM exited; see " + log);
                }
                return readiness(http, url);
            }, status -> status == 200);
        }

        static String testClassPath() {
            return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        }

        boolean alive() {
            return process.isAlive();
        }

        /** SIGKILL: no shutdown hook, no flush, no commit; whatever was in flight is cut off. */
        void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("child JVM did not die after SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Closing the rest matters more than this failure.
            }
        }
    }
}
