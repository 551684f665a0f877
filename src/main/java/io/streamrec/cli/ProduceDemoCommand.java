package io.streamrec.cli;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.demo.DemoTraffic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The demo's synthetic traffic alone, against a cluster where streamrec instances already run. */
@Command(name = "produce-demo", mixinStandardHelpOptions = true,
        description = "Publish the demo catalogue and synthetic events to an existing Kafka cluster.")
final class ProduceDemoCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka brokers, HOST:PORT.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Topic prefix (streamrec.topic.prefix).")
    String prefix;

    @Option(names = "--wait-for-topics", defaultValue = "60s", description = "How long to wait for streamrec "
            + "to create its topics (default ${DEFAULT-VALUE}).")
    String waitForTopics;

    @Mixin
    TrafficOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StreamrecConfig config = StreamrecConfig.of(Map.of(StreamrecConfig.TOPIC_PREFIX.name(), prefix,
                StreamrecConfig.BOOTSTRAP_SERVERS.name(), bootstrapServers));
        ClusterChecks.requireReachable(config);
        // A producer that starts before its topics exist can stall retrying them.
        ClusterChecks.awaitTopics(config, List.of(config.topics().items(), config.topics().interactions()),
                ServeUntilStopped.parse(waitForTopics), spec.commandLine().getErr(),
                "`streamrec run` creates streamrec's topics");
        DemoTraffic traffic = options.start(bootstrapServers, config.topics());
        spec.commandLine().getOut().println("publishing demo traffic to " + bootstrapServers + " at " + options.rate
                + " events/s");
        spec.commandLine().getOut().flush();
        ServeUntilStopped.await(options.runFor(), traffic);
        return 0;
    }
}
