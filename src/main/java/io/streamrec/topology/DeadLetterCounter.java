package io.streamrec.topology;

import io.streamrec.avro.RejectedEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stands in front of a dead-letter sink and counts what passes by its reason, so every
 * processor that gives up on a record is counted, today's and tomorrow's, without each one
 * having to remember to.
 */
final class DeadLetterCounter implements Processor<Object, RejectedEvent, Object, RejectedEvent> {
    private final TopologyMetrics metrics;
    private ProcessorContext<Object, RejectedEvent> context;

    DeadLetterCounter(TopologyMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, RejectedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(Record<Object, RejectedEvent> record) {
        metrics.deadLettered(RejectCategory.of(record.value().getReason()));
        context.forward(record);
    }
}
