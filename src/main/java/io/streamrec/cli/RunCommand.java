package io.streamrec.cli;

import io.streamrec.app.StreamrecApp;
import io.streamrec.config.StreamrecConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Production: one instance against an existing Kafka cluster; start as many as there are partitions. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a streamrec instance against an existing Kafka cluster.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configuration;

    @Option(names = "--http-port", description = "HTTP port (overrides streamrec.http.port).")
    Integer httpPort;

    @Option(names = "--duration", description = "Stop after this long (e.g. 10m); default: until Ctrl-C.")
    String duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> options = new HashMap<>();
        options.put(StreamrecConfig.HTTP_PORT.name(), httpPort);
        StreamrecConfig config = configuration.load(options);
        StateDirectoryCheck.requireFree(config);
        HttpPortCheck.requireFree(config);
        ClusterChecks.requireReachable(config);
        StreamrecApp app = StreamrecApp.start(config);
        spec.commandLine().getOut().println("streamrec serving " + app.httpUrl() + " on "
                + config.get(StreamrecConfig.BOOTSTRAP_SERVERS));
        spec.commandLine().getOut().flush();
        ServeUntilStopped.await(ServeUntilStopped.parse(duration), app);
        return 0;
    }
}
