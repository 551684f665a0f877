package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Production: one instance against an existing Kafka cluster; start as many as there are partitions. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a streamrec instance against an existing Kafka cluster.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", description = "Kafka brokers, HOST:PORT[,HOST:PORT...].")
    String bootstrapServers;

    @Option(names = "--config", description = "Properties file: streamrec keys and Kafka client settings "
            + "(SASL/SSL pass through).")
    Path configFile;

    @Option(names = "--http-port", description = "HTTP port (overrides streamrec.http.port).")
    Integer httpPort;

    @Option(names = "--set", description = "Override one setting, KEY=VALUE; repeatable.")
    List<String> settings = List.of();

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes KEY=VALUE, got '" + setting + "'");
            }
            overrides.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        if (bootstrapServers != null) {
            overrides.put(StreamrecConfig.BOOTSTRAP_SERVERS.name(), bootstrapServers);
        }
        if (httpPort != null) {
            overrides.put(StreamrecConfig.HTTP_PORT.name(), String.valueOf(httpPort));
        }
        StreamrecConfig config = StreamrecConfig.load(configFile, overrides);
        StreamrecApp app = StreamrecApp.start(config);
        System.out.println("streamrec serving " + app.httpUrl() + " on " + config.get(StreamrecConfig.BOOTSTRAP_SERVERS));
        ServeUntilStopped.await(null, app);
        return 0;
    }
}
