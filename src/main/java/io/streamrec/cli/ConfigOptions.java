package io.streamrec.cli;

import io.streamrec.config.StreamrecConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where `run` and `consume` take their settings: a properties file, then {@code --set}, then their own options. */
final class ConfigOptions {
    @Option(names = "--bootstrap-servers", description = "Kafka brokers, HOST:PORT[,HOST:PORT...] "
            + "(overrides bootstrap.servers).")
    String bootstrapServers;

    @Option(names = "--config", description = "Properties file: streamrec keys and Kafka client settings "
            + "(SASL/SSL pass through); see config/streamrec.properties.")
    Path configFile;

    @Mixin
    SettingOverrides overrides;

    /** The settings, validated; {@code options} are the command's own, null values left out. */
    StreamrecConfig load(Map<String, Object> options) {
        Map<String, String> settings = overrides.asMap();
        if (bootstrapServers != null) {
            settings.put(StreamrecConfig.BOOTSTRAP_SERVERS.name(), bootstrapServers);
        }
        options.forEach((key, value) -> {
            if (value != null) {
                settings.put(key, String.valueOf(value));
            }
        });
        return StreamrecConfig.load(configFile, settings);
    }
}
