package io.streamrec.topology;

import io.streamrec.events.Validation;
import io.streamrec.model.EventWeights;
import io.streamrec.model.ModelParams;

/**
 * The product's settings with items published every 100 ms instead of every second: the
 * TopologyTestDriver tests advance wall-clock time by hand and step in tenths of a second.
 */
final class DriverSettings {
    private DriverSettings() {}

    static TopologySettings defaults() {
        RefreshPolicy product = RefreshPolicy.defaults();
        return new TopologySettings(new Topics(""), ModelParams.defaults(), EventWeights.defaults(),
                Validation.defaults(), new RefreshPolicy(product.debounceMs(), product.checkIntervalMs(),
                product.listSize(), 100));
    }
}
