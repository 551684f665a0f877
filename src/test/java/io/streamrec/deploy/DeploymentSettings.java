package io.streamrec.deploy;

import io.streamrec.config.StreamrecConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** What a deployment file may set: streamrec's own keys and the Kafka settings that pass through. */
final class DeploymentSettings {
    private static final Map<String, Set<String>> CLIENT_PREFIXES = Map.of(
            StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
            StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames());

    private DeploymentSettings() {}

    /** Whether streamrec or Kafka knows {@code name}: a misspelt key would be silently ignored. */
    static boolean known(String name) {
        if (StreamrecConfig.keys().stream().anyMatch(key -> key.name().equals(name))) {
            return true;
        }
        if (name.startsWith("streamrec.")) {
            return false;
        }
        Set<String> kafka = new TreeSet<>(StreamsConfig.configDef().names());
        kafka.addAll(ConsumerConfig.configNames());
        kafka.addAll(ProducerConfig.configNames());
        kafka.addAll(AdminClientConfig.configNames());
        if (kafka.contains(name)) {
            return true;
        }
        return CLIENT_PREFIXES.entrySet().stream().anyMatch(prefix -> name.startsWith(prefix.getKey())
                && prefix.getValue().contains(name.substring(prefix.getKey().length())));
    }

    /** The {@code --set KEY=VALUE} pairs of a command line, in order. */
    static Map<String, String> overrides(List<String> args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--set")) {
                String setting = args.get(i + 1);
                int eq = setting.indexOf('=');
                overrides.put(setting.substring(0, eq), setting.substring(eq + 1));
            }
        }
        return overrides;
    }

    /** The value of {@code option} on a command line, or null. */
    static String option(List<String> args, String option) {
        int at = args.indexOf(option);
        return at < 0 ? null : args.get(at + 1);
    }
}
