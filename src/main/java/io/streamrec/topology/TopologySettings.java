package io.streamrec.topology;

import io.streamrec.events.Validation;
import io.streamrec.model.policy.BusinessRules;
import io.streamrec.model.EventWeights;
import io.streamrec.model.Lifecycle;
import io.streamrec.model.ModelParams;
import io.streamrec.model.ranker.RankerSettings;

/**
 * Everything the topology's behaviour depends on, as one immutable value.
 *
 * @param rules     the configured business rules every emitted list obeys
 * @param lifecycle when ids earn a vector and when idle ones expire
 * @param ranker    whether lists are ranked by the learned ranker, and how the item side trains it
 */
public record TopologySettings(Topics topics, ModelParams model, EventWeights weights, Validation validation,
                               RefreshPolicy refresh, BusinessRules rules, Lifecycle lifecycle,
                               RankerSettings ranker) {

    public TopologySettings(Topics topics, ModelParams model, EventWeights weights, Validation validation,
                            RefreshPolicy refresh, BusinessRules rules, Lifecycle lifecycle) {
        this(topics, model, weights, validation, refresh, rules, lifecycle, RankerSettings.defaults());
    }

    /** Settings without configured business rules, every id admitted at once, nothing expiring. */
    public TopologySettings(Topics topics, ModelParams model, EventWeights weights, Validation validation,
                            RefreshPolicy refresh) {
        this(topics, model, weights, validation, refresh, BusinessRules.none(), Lifecycle.defaults());
    }

    public static TopologySettings defaults() {
        return new TopologySettings(new Topics(""), ModelParams.defaults(), EventWeights.defaults(),
                Validation.defaults(), RefreshPolicy.defaults());
    }

    public TopologySettings withRules(BusinessRules rules) {
        return new TopologySettings(topics, model, weights, validation, refresh, rules, lifecycle, ranker);
    }

    public TopologySettings withRefresh(RefreshPolicy refresh) {
        return new TopologySettings(topics, model, weights, validation, refresh, rules, lifecycle, ranker);
    }

    public TopologySettings withLifecycle(Lifecycle lifecycle) {
        return new TopologySettings(topics, model, weights, validation, refresh, rules, lifecycle, ranker);
    }

    public TopologySettings withRanker(RankerSettings ranker) {
        return new TopologySettings(topics, model, weights, validation, refresh, rules, lifecycle, ranker);
    }
}
