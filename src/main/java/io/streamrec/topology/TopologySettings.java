package io.streamrec.topology;

import io.streamrec.events.Validation;
import io.streamrec.model.EventWeights;
import io.streamrec.model.ModelParams;

/** Everything the topology's behaviour depends on, as one immutable value. */
public record TopologySettings(Topics topics, ModelParams model, EventWeights weights, Validation validation,
                               RefreshPolicy refresh) {
    public static TopologySettings defaults() {
        return new TopologySettings(new Topics(""), ModelParams.defaults(), EventWeights.defaults(),
                Validation.defaults(), RefreshPolicy.defaults());
    }
}
