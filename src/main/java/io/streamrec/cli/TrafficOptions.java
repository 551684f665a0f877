package io.streamrec.cli;

import io.streamrec.demo.DemoTraffic;
import io.streamrec.topology.Topics;
import picocli.CommandLine.Option;

/** The demo traffic's shape and how long to run, shared by `demo` and `produce-demo`. */
final class TrafficOptions {
    @Option(names = "--users", defaultValue = "200", description = "Demo users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "500", description = "Demo items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--rate", defaultValue = "20", description = "Demo events per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", description = "Stop after this long (e.g. 60s); default: until Ctrl-C.")
    String duration;

    /** Publishes the catalogue and starts the events (seeded, so runs are repeatable). */
    DemoTraffic start(String bootstrapServers, Topics topics) {
        return new DemoTraffic(bootstrapServers, topics, users, items, rate, 42).start();
    }

    java.time.Duration runFor() {
        return ServeUntilStopped.parse(duration);
    }
}
