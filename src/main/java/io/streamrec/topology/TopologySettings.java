package io.streamrec.topology;

import io.streamrec.events.Validation;
import io.streamrec.model.BusinessRules;
import io.streamrec.model.EventWeights;
import io.streamrec.model.ModelParams;

/**
 * Everything the topology's behaviour depends on, as one immutable value.
 *
 * @param rules the configured business rules every emitted list obeys
 */
public record TopologySettings(Topics topics, ModelParams model, EventWeights weights, Validation validation,
                               RefreshPolicy refresh, BusinessRules rules) {

    /** Settings without configured business rules. */
    public TopologySettings(Topics topics, ModelParams model, EventWeights weights, Validation validation,
                            RefreshPolicy refresh) {
        this(topics, model, weights, validation, refresh, BusinessRules.none());
    }

    public static TopologySettings defaults() {
        return new TopologySettings(new Topics(""), ModelParams.defaults(), EventWeights.defaults(),
                Validation.defaults(), RefreshPolicy.defaults());
    }

    public TopologySettings withRules(BusinessRules rules) {
        return new TopologySettings(topics, model, weights, validation, refresh, rules);
    }
}
