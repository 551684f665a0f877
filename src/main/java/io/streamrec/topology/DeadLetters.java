package io.streamrec.topology;

import io.streamrec.avro.RejectedEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The one way a processor gives up on a record: nothing is dropped without a trace. */
final class DeadLetters {
    private DeadLetters() {}

    /** Sends the untouched record, with why and where it came from, to the dead-letter topic. */
    static void reject(ProcessorContext<?, ?> context, String sink, Record<byte[], byte[]> record, String reason) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        RejectedEvent rejected = RejectedEvent.newBuilder()
                .setReason(reason)
                .setTopic(origin == null ? "" : origin.topic())
                .setPartition(origin == null ? -1 : origin.partition())
                .setOffset(origin == null ? -1 : origin.offset())
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setRejectedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
        @SuppressWarnings("unchecked")
        ProcessorContext<Object, Object> untyped = (ProcessorContext<Object, Object>) context;
        untyped.forward(new Record<Object, Object>(record.key(), rejected, record.timestamp()), sink);
    }
}
