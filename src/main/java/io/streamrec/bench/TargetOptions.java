package io.streamrec.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a benchmark runs: by default an in-process broker and app, else a real deployment. */
final class TargetOptions {
    @Option(names = "--bootstrap-servers", description = "Kafka of a running deployment; default: start an "
            + "in-process broker and streamrec instance (exactly-once, as configured by default).")
    String bootstrapServers;

    @Option(names = "--application-id", description = "application.id of the deployment (its consumer group); "
            + "default streamrec-bench in-process, streamrec otherwise.")
    String applicationId;

    @Option(names = "--topic-prefix", defaultValue = "", description = "streamrec.topic.prefix of the deployment.")
    String topicPrefix;

    @Option(names = "--set", description = "Setting of the in-process instance, KEY=VALUE (any key of the README's "
            + "configuration table or any Kafka Streams setting); repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    boolean embedded() {
        return bootstrapServers == null;
    }

    String applicationId() {
        return applicationId != null ? applicationId : embedded() ? "streamrec-bench" : "streamrec";
    }
}
