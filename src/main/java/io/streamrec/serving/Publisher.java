package io.streamrec.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Every write the HTTP API makes: records sent to Kafka and awaited, answered with where each
 * landed. A write is only acknowledged once the broker has it (acks=all), so a 2xx means nothing
 * is lost; a broker that does not take it in time is a 503 with {@code Retry-After}. The
 * producer's own delivery timeout (set by the app well below the backstop here) bounds the wait,
 * so a request never hangs while the broker is away.
 */
final class Publisher {
    /** Seconds a client should wait before writing again after a 503: about one delivery timeout. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final long BACKSTOP_SECONDS = 10;

    private final Producer<String, byte[]> producer;

    Publisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Sends one record (a null value is a tombstone) and answers where it landed. */
    Map<String, Object> send(String topic, String key, byte[] value) {
        return sendAll(List.of(new ProducerRecord<>(topic, key, value))).get(0);
    }

    /**
     * Sends the records in order (those of one key share a partition, so their order holds) and
     * answers where each landed, in order; a 503 naming the first that failed and how many landed.
     */
    List<Map<String, Object>> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try {
            records.forEach(record -> sent.add(producer.send(record)));
        } catch (KafkaException e) {
            // send() itself gave up waiting for the topic's metadata (max.block.ms).
            throw unavailable("could not publish to Kafka: " + e.getMessage());
        }
        List<Map<String, Object>> landed = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            try {
                landed.add(landed(sent.get(i).get(BACKSTOP_SECONDS, TimeUnit.SECONDS)));
            } catch (ExecutionException | TimeoutException e) {
                throw unavailable("could not publish to Kafka" + (sent.size() > 1 ? " record " + i
                        + " of " + sent.size() + " (" + i + " before it landed)" : "") + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while publishing");
            }
        }
        return landed;
    }

    private static ApiError unavailable(String message) {
        return ApiError.unavailable(message + "; retry after " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
    }

    private static Map<String, Object> landed(RecordMetadata landed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", landed.topic());
        out.put("partition", landed.partition());
        out.put("offset", landed.offset());
        out.put("id", new EventId(landed.topic(), landed.partition(), landed.offset()).id());
        return out;
    }
}
