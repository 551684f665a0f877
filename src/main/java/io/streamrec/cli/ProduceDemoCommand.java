package io.streamrec.cli;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.demo.DemoTraffic;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The demo's synthetic traffic alone, against a cluster where streamrec instances already run. */
@Command(name = "produce-demo", mixinStandardHelpOptions = true,
        description = "Publish the demo catalogue and synthetic events to an existing Kafka cluster.")
final class ProduceDemoCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka brokers, HOST:PORT.")
    String bootstrapServers;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Topic prefix (streamrec.topic.prefix).")
    String prefix;

    @Option(names = "--users", defaultValue = "200")
    int users;

    @Option(names = "--items", defaultValue = "500")
    int items;

    @Option(names = "--rate", defaultValue = "20", description = "Events per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", description = "Stop after this long (e.g. 60s); default: until Ctrl-C.")
    String duration;

    @Override
    public Integer call() throws Exception {
        StreamrecConfig config = StreamrecConfig.of(Map.of(StreamrecConfig.TOPIC_PREFIX.name(), prefix));
        DemoTraffic traffic = new DemoTraffic(bootstrapServers, config.topics(), users, items, rate, 42).start();
        System.out.println("publishing demo traffic to " + bootstrapServers + " at " + rate + " events/s");
        ServeUntilStopped.await(ServeUntilStopped.parse(duration), traffic);
        return 0;
    }
}
