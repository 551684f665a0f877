package io.streamrec.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the broker is made to append: the end offsets of the chosen topics at two moments. Under
 * exactly-once every transaction also writes a commit (or abort) marker to each partition it
 * wrote, and markers take offsets; {@link #dataRecords} reads the window back to tell the records
 * (those of aborted transactions included: they were appended too) from the markers.
 */
final class BrokerRecords implements AutoCloseable {
    /** End offset per partition of every chosen topic. */
    record Snapshot(Map<TopicPartition, Long> ends) {}

    /**
     * A topic's data records in a window and their serialized key, value and header bytes: what the
     * producers sent, before the log's per-record and per-batch framing.
     */
    record Appended(long records, long bytes) {
        Appended plus(Appended other) {
            return new Appended(records + other.records, bytes + other.bytes);
        }

        static Appended of(ConsumerRecord<byte[], byte[]> record) {
            long bytes = Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            for (Header header : record.headers()) {
                bytes += header.key().getBytes(StandardCharsets.UTF_8).length
                        + (header.value() == null ? 0 : header.value().length);
            }
            return new Appended(1, bytes);
        }
    }

    private final String bootstrapServers;
    private final Admin admin;
    private final Predicate<String> chosen;

    BrokerRecords(String bootstrapServers, Predicate<String> chosen) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
        this.chosen = chosen;
    }

    Snapshot snapshot() throws InterruptedException {
        try {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
                    .filter(chosen).collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return new Snapshot(Map.of());
            }
            return new Snapshot(EndOffsets.of(admin, topics));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Offsets taken between two snapshots, per topic; a partition new in {@code after} counts from 0. */
    static Map<String, Long> offsetsTaken(Snapshot before, Snapshot after) {
        Map<String, Long> taken = new HashMap<>();
        after.ends().forEach((partition, end) -> taken.merge(partition.topic(),
                end - before.ends().getOrDefault(partition, 0L), Long::sum));
        return taken;
    }

    /**
     * The records (not markers) between two snapshots and their bytes, per topic, read back with
     * read_uncommitted; empty if they could not all be read within {@code timeout} (or were compacted away meanwhile).
     */
    Map<String, Appended> dataRecords(Snapshot before, Snapshot after, Duration timeout) {
        Map<TopicPartition, Long> from = new HashMap<>();
        after.ends().forEach((partition, end) -> {
            long start = before.ends().getOrDefault(partition, 0L);
            if (end > start) {
                from.put(partition, start);
            }
        });
        Map<String, Appended> records = new HashMap<>();
        after.ends().keySet().forEach(partition -> records.put(partition.topic(), new Appended(0, 0)));
        if (from.isEmpty()) {
            return records;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 << 20));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Set<TopicPartition> open = new HashSet<>(from.keySet());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    return Map.of();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < after.ends().get(partition)) {
                        records.merge(record.topic(), Appended.of(record), Appended::plus);
                    }
                }
                // The position passes markers too, so a window ending in one is still finished.
                List<TopicPartition> finished = open.stream()
                        .filter(p -> consumer.position(p) >= after.ends().get(p)).toList();
                finished.forEach(open::remove);
                consumer.pause(finished);
            }
        }
        return records;
    }

    @Override
    public void close() {
        admin.close();
    }
}
