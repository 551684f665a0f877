package io.streamrec.topology;

import static io.streamrec.topology.NodeNames.LEARN_USER;
import static io.streamrec.topology.NodeNames.REKEY_SINK;
import static io.streamrec.topology.NodeNames.USER_REJECTED_SINK;

import io.streamrec.avro.Interaction;
import io.streamrec.events.AvroSerdes;
import io.streamrec.events.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes and checks each raw interaction once. Valid events go to the user-side learner (or,
 * when the record key is not the user id, through the re-keying topic so they reach the
 * partition that owns the user); everything else goes to the dead-letter topic with its reason,
 * origin and untouched bytes. A null value with a key is a user deletion.
 */
final class ValidateProcessor implements Processor<byte[], byte[], Object, Object> {

    private final Validation validation;
    private ProcessorContext<Object, Object> context;

    ValidateProcessor(Validation validation) {
        this.validation = validation;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            if (record.key() == null || record.key().length == 0) {
                DeadLetters.reject(context, USER_REJECTED_SINK, record, "tombstone without a user id key");
            } else {
                context.forward(record.withKey(utf8(record.key())).withValue(null), LEARN_USER);
            }
            return;
        }
        Interaction event;
        try {
            event = AvroSerdes.INTERACTION.decode(record.value());
        } catch (IOException | RuntimeException e) {
            DeadLetters.reject(context, USER_REJECTED_SINK, record, "malformed Avro Interaction: " + e.getMessage());
            return;
        }
        String reason = validation.check(event, context.currentSystemTimeMs());
        if (reason != null) {
            DeadLetters.reject(context, USER_REJECTED_SINK, record, reason);
            return;
        }
        boolean keyedByUser = record.key() != null && Arrays.equals(record.key(),
                event.getUser().getBytes(StandardCharsets.UTF_8));
        if (keyedByUser) {
            context.forward(new Record<Object, Object>(event.getUser(), event, record.timestamp(), record.headers()),
                    LEARN_USER);
        } else {
            context.forward(new Record<Object, Object>(event.getUser(), event, record.timestamp(),
                    EventOrigin.stamp(record.headers(), context.recordMetadata().orElseThrow())), REKEY_SINK);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
