package io.streamrec.topology;

/**
 * The product's settings with items published every 100 ms instead of every second: the
 * TopologyTestDriver tests advance wall-clock time by hand and step in tenths of a second.
 */
final class DriverSettings {
    private DriverSettings() {}

    static TopologySettings defaults() {
        RefreshPolicy product = RefreshPolicy.defaults();
        return TopologySettings.defaults().withRefresh(new RefreshPolicy(product.debounceMs(),
                product.checkIntervalMs(), product.listSize(), 100));
    }
}
