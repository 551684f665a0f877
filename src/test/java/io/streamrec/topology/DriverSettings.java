package io.streamrec.topology;

/**
 * The product's settings with items published every 100 ms instead of every second: the
 * TopologyTestDriver tests advance wall-clock time by hand and step in tenths of a second.
 */
final class DriverSettings {
    private DriverSettings() {}

    static TopologySettings defaults() {
        return TopologySettings.defaults().withRefresh(RefreshPolicy.defaults().withItemPublishIntervalMs(100));
    }
}
