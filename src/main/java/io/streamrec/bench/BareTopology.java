package io.streamrec.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The least a Kafka Streams app can do per event, as a yardstick for the live one: read an event
 * of `interactions` (bytes, not decoded), one read-modify-write of a per-user count in a
 * persistent, changelogged store, one output record. It runs with the app's Kafka settings
 * (exactly-once, commit interval, fetch settings) under its own application id and output topic,
 * and reads `interactions` from the start: the same events the live run was given, as a backlog,
 * so it runs flat out.
 */
final class BareTopology {
    private static final String STORE = "bare-counts";
    private static final Duration MIN_SPAN = Duration.ofSeconds(1);

    /** Events per second, or empty when the backlog was worked off too fast (under a second) to measure. */
    record Result(Optional<Double> eventsPerSecond, long events) {}

    private BareTopology() {}

    /**
     * @param appProperties the app's Kafka and Streams settings, copied
     * @param prefix        application id and output topic name of the yardstick (distinct from the app's)
     */
    static Result measure(Properties appProperties, String bootstrapServers, String interactions, String prefix,
                          Duration timeout) throws Exception {
        String output = prefix + "-out";
        Path stateDir = Files.createTempDirectory("streamrec-bench-bare");
        Properties props = new Properties();
        props.putAll(appProperties);
        props.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        try (Admin admin = admin(bootstrapServers);
             ConsumerLag lag = new ConsumerLag(bootstrapServers, prefix, interactions)) {
            int partitions = admin.describeTopics(List.of(interactions)).allTopicNames().get().get(interactions)
                    .partitions().size();
            admin.createTopics(List.of(new NewTopic(output, Optional.of(partitions), Optional.empty()))).all().get();
            long backlog = lag.position().end();
            try (KafkaStreams streams = new KafkaStreams(topology(interactions, output), props)) {
                streams.start();
                return new Result(flatOutRate(lag, backlog, timeout), backlog);
            } finally {
                BenchTarget.deleteTree(stateDir);
            }
        }
    }

    /**
     * The rate between committing a fifth and nine tenths of the backlog: the start (JIT, first
     * assignment) and the tail (the last commits) left out. Empty when that took under a second.
     */
    private static Optional<Double> flatOutRate(ConsumerLag lag, long backlog, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long fromCommitted = -1;
        long fromNanos = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            long committed = lag.position().committed();
            long now = System.nanoTime();
            if (fromCommitted < 0 && committed >= backlog / 5) {
                fromCommitted = committed;
                fromNanos = now;
            } else if (fromCommitted >= 0 && committed >= backlog * 9 / 10) {
                // Fewer than ten looks between the two would time commits, not throughput.
                return now - fromNanos >= MIN_SPAN.toNanos()
                        ? Optional.of((committed - fromCommitted) / ((now - fromNanos) / 1e9)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static org.apache.kafka.streams.Topology topology(String interactions, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()));
        builder.stream(interactions, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(CountPerUser::new, STORE)
                .to(output, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /** One read-modify-write per event, one record out. */
    private static final class CountPerUser implements Processor<String, byte[], String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> counts;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.counts = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> event) {
            Long count = counts.get(event.key());
            long next = count == null ? 1 : count + 1;
            counts.put(event.key(), next);
            context.forward(event.withValue(next));
        }
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }
}
