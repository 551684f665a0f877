package io.streamrec.bench;

import io.streamrec.avro.Recommendations;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads `recommendations` as a client would (read_committed: only lists whose transaction
 * committed) and records, per list, how long ago the newest event it reflects was produced:
 * the event-to-refreshed-list latency. Only {@code lastEventTimestamp} is decoded (an Avro
 * reader schema with that one field), so keeping up costs the benchmark little CPU.
 */
final class RefreshLatency implements AutoCloseable {
    private static final Schema PROJECTION = SchemaBuilder.record(Recommendations.getClassSchema().getFullName())
            .fields().name("lastEventTimestamp").type().longType().noDefault().endRecord();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BinaryMessageDecoder<GenericRecord> decoder;
    private final Samples all = new Samples();
    private final Samples recent = new Samples();
    private final AtomicLong lists = new AtomicLong();
    private final Thread thread;
    private volatile long countFromMs = Long.MAX_VALUE;
    private volatile boolean stopped;

    RefreshLatency(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        decoder = new BinaryMessageDecoder<>(GenericData.get(), PROJECTION);
        decoder.addSchema(Recommendations.getClassSchema());
        thread = new Thread(this::run, "bench-refresh-latency");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lists reflecting events produced before this moment (warm-up) are not counted. */
    void countFrom(long epochMs) {
        countFromMs = epochMs;
    }

    private void run() {
        GenericRecord reuse = null;
        while (!stopped) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.currentTimeMillis();
                if (record.value() == null) {
                    continue;
                }
                try {
                    reuse = decoder.decode(record.value(), reuse);
                } catch (IOException e) {
                    continue;
                }
                lists.incrementAndGet();
                long eventMs = (Long) reuse.get(0);
                if (eventMs >= countFromMs) {
                    long micros = Math.max(0, now - eventMs) * 1000;
                    all.add(micros);
                    recent.add(micros);
                }
            }
        }
    }

    long lists() {
        return lists.get();
    }

    Samples all() {
        return all;
    }

    /** The samples since the last call, for progress lines. */
    String recentSummary() {
        String summary = "p50_ms=" + Samples.ms(recent.percentileMs(0.5)) + " p99_ms=" + Samples.ms(recent.percentileMs(0.99));
        recent.clear();
        return summary;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
        consumer.close();
    }
}
