package io.streamrec.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the Streams app's consumer group is behind on `interactions`: the end offsets minus
 * the offsets it committed (under exactly-once, what its transactions have made final).
 */
final class ConsumerLag implements AutoCloseable {
    /** Offsets summed over the topic's partitions. */
    record Position(long committed, long end) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final Admin admin;
    private final String group;
    private final String topic;

    ConsumerLag(String bootstrapServers, String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
        this.group = group;
        this.topic = topic;
    }

    Position position() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = EndOffsets.of(admin, List.of(topic));
            long committedSum = 0;
            long endSum = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                committedSum += offset == null ? 0 : offset.offset();
                endSum += end.getValue();
            }
            return new Position(committedSum, endSum);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + " on " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
