package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.Recommendations;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints the lists streamrec publishes, one JSON document per line on standard output (notes go
 * to standard error), as a consumer of the topic sees them: read_committed, since the lists are
 * written in exactly-once transactions and an aborted one must never be shown. It joins no
 * consumer group and commits nothing, so it can run beside any other consumer.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Print the recommendations topic as JSON lines, one list per line.")
final class ConsumeCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(200);

    @Mixin
    ConfigOptions configuration;

    @Option(names = "--topic", description = "Topic to read (default: <streamrec.topic.prefix>recommendations).")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest list kept; default: only new lists.")
    boolean fromBeginning;

    @Option(names = "--max", description = "Stop after this many lists.")
    Long max;

    @Option(names = "--timeout", description = "Stop when no list has arrived for this long (e.g. 30s); "
            + "default: wait until Ctrl-C.")
    String timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Duration idleLimit = ServeUntilStopped.parse(timeout);
        if (max != null && max <= 0) {
            throw new IllegalArgumentException("--max must be > 0, was " + max);
        }
        // The instances' own file serves: its bootstrap.servers, topic prefix and security settings.
        StreamrecConfig config = configuration.load(Map.of());
        String servers = config.get(StreamrecConfig.BOOTSTRAP_SERVERS);
        String name = topic != null ? topic : config.topics().recommendations();
        ClusterChecks.requireReachable(config);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, name, servers);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            // Seeks are lazy: fix the positions now, so every list published from here on is printed.
            partitions.forEach(consumer::position);
            err.println("reading " + name + " on " + servers + (fromBeginning ? " from the beginning" : "")
                    + " (read_committed); Ctrl-C stops");
            err.flush();
            Thread wakeUp = new Thread(consumer::wakeup, "streamrec-consume-stop");
            Runtime.getRuntime().addShutdownHook(wakeUp);
            try {
                print(consumer, out, err, idleLimit);
            } catch (WakeupException stopped) {
                // Ctrl-C: what was read is printed; nothing to commit.
            } finally {
                ServeUntilStopped.removeHook(wakeUp);
            }
        }
        return 0;
    }

    private void print(KafkaConsumer<String, byte[]> consumer, PrintWriter out, PrintWriter err, Duration idleLimit) {
        long printed = 0;
        long lastArrival = System.nanoTime();
        while (max == null || printed < max) {
            var records = consumer.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                String line = line(record, err);
                if (line != null) {
                    out.println(line);
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
            }
            out.flush();
            if (!records.isEmpty()) {
                lastArrival = System.nanoTime();
            } else if (idleLimit != null && System.nanoTime() - lastArrival > idleLimit.toNanos()) {
                return;
            }
        }
    }

    /** The record's JSON line, or null (with a note on standard error) when it is not a list. */
    private static String line(ConsumerRecord<String, byte[]> record, PrintWriter err) {
        Recommendations list = null;
        if (record.value() != null) {
            try {
                list = AvroSerdes.RECOMMENDATIONS.decode(record.value());
            } catch (IOException | RuntimeException e) {
                err.println("skipped " + record.topic() + "-" + record.partition() + "@" + record.offset()
                        + ": not a Recommendations record (" + e.getMessage() + ")");
                return null;
            }
        }
        return ListJson.line(record.key(), list);
    }

    private static Properties consumerProperties(StreamrecConfig config) {
        Properties props = StreamrecApp.only(config.kafkaProperties(0), ConsumerConfig.configNames());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ClusterChecks.TIMEOUT.toMillis());
        return props;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, String servers) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist on " + servers
                    + " (start streamrec first, or check --topic and streamrec.topic.prefix)");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
