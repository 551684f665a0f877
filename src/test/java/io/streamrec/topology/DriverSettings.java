package io.streamrec.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What the TopologyTestDriver tests start from: the product's settings with items published every
 * 100 ms instead of every second (the tests advance wall-clock time by hand and step in tenths of
 * a second), and the driver's properties.
 */
final class DriverSettings {
    private DriverSettings() {}

    static TopologySettings defaults() {
        return TopologySettings.defaults().withRefresh(RefreshPolicy.defaults().withItemPublishIntervalMs(100));
    }

    /**
     * What a TopologyTestDriver of the whole topology in one ({@link TopologyFactory#build}) under
     * {@link #defaults()} needs: it runs under the item side's application id, by which its item
     * index finds the item-state changelog.
     */
    static Properties wholeTopology() {
        return properties(defaults().topics().itemSideApplicationId());
    }

    /** What a TopologyTestDriver needs: an application id, a broker it never contacts, a state folder of its own. */
    static Properties properties(String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("streamrec-ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
