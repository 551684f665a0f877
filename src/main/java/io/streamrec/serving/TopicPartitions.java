package io.streamrec.serving;

import java.util.List;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;

/**
 * How many partitions a topic has, as the producer's metadata says (kept in memory by the
 * producer, so asking is cheap once the topic was published to or looked up); 0 when the
 * producer cannot tell.
 */
final class TopicPartitions implements IntSupplier {
    private final Producer<?, ?> producer;
    private final String topic;

    TopicPartitions(Producer<?, ?> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public int getAsInt() {
        try {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            return partitions == null ? 0 : partitions.size();
        } catch (KafkaException e) {
            return 0;
        }
    }
}
