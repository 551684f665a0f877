package io.streamrec.app;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics streamrec needs when they are missing, leaving existing ones alone. The
 * internal topics take the partition count of the topic they are co-partitioned with, so a
 * key lands on the same task number on both.
 */
final class TopicSetup {
    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);

    private static final Map<String, String> ONE_DAY = Map.of(TopicConfig.RETENTION_MS_CONFIG,
            String.valueOf(Duration.ofDays(1).toMillis()));

    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

    private TopicSetup() {}

    static void ensure(Admin admin, StreamrecConfig config) throws ExecutionException, InterruptedException {
        Topics topics = config.topics();
        int partitions = config.getInt(StreamrecConfig.TOPIC_PARTITIONS);
        Optional<Short> replication = config.getInt(StreamrecConfig.TOPIC_REPLICATION) < 0 ? Optional.empty()
                : Optional.of((short) config.getInt(StreamrecConfig.TOPIC_REPLICATION));

        create(admin, List.of(
                topic(topics.interactions(), partitions, replication, Map.of()),
                topic(topics.items(), partitions, replication, COMPACTED),
                topic(topics.recommendations(), partitions, replication, COMPACTED),
                topic(topics.rejected(), partitions, replication, Map.of()),
                // One trainer reads every example, in order; a day of them is plenty to resume from.
                topic(topics.rankerExamples(), 1, replication, ONE_DAY),
                topic(topics.rankerWeights(), 1, replication, COMPACTED)));
        // Both carry every event again, on their way to the side that applies them within seconds: a
        // broker's default week of them would be the largest topics of a deployment, kept for nothing.
        int itemPartitions = partitionsOf(admin, topics.items());
        create(admin, List.of(
                topic(topics.rekeyed(), partitionsOf(admin, topics.interactions()), replication, ONE_DAY),
                topic(topics.itemDeltas(), itemPartitions, replication, ONE_DAY),
                // Kafka Streams would create this changelog when the item side first joins its group,
                // but every instance's item index reads it from the start: it must exist before.
                topic(topics.itemState(), itemPartitions, replication, COMPACTED)));
        // Kafka Streams fails a global store whose topic has no partitions yet, without retrying.
        partitionsOf(admin, topics.itemState());
    }

    private static NewTopic topic(String name, int partitions, Optional<Short> replication, Map<String, String> configs) {
        return new NewTopic(name, Optional.of(partitions), replication).configs(configs);
    }

    private static void create(Admin admin, List<NewTopic> wanted) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic topic : wanted) {
            if (!existing.contains(topic.name())) {
                missing.add(topic);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            // Another instance starting at the same moment may have created them first.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * A topic created a moment ago may not be in every broker's metadata yet, so describing it
     * can answer "unknown topic" for a short while: ask again until it is known.
     */
    private static int partitionsOf(Admin admin, String topic) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
