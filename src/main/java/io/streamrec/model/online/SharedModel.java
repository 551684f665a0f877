package io.streamrec.model.online;

import io.streamrec.model.ModelParams;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.ranker.CurrentRanker;
import io.streamrec.model.ranking.FusionWeights;
import io.streamrec.model.ranking.Recommender;

/**
 * The model one process holds for all its users: the item index, the blend weights, the learned
 * ranker's current weights (none until the first arrive) and the recommender that ranks on them. Every answer of the process (a topology refresh on any stream
 * thread, an HTTP lookup, a context or group answer) and a replay rank through one of these, so
 * they rank alike; the blend is moved by the picks of every user this process learns from.
 * Thread-safe: the index and the blend guard themselves, the recommender keeps per-thread scratch.
 */
public record SharedModel(ModelParams params, ItemIndex index, FusionWeights blend, CurrentRanker ranker,
                          Recommender recommender) {

    public static SharedModel of(ModelParams params, ItemIndex index) {
        return of(params, index, true);
    }

    /** @param explains false to rank without building every listed item's reason (the replay compares ids only) */
    public static SharedModel of(ModelParams params, ItemIndex index, boolean explains) {
        FusionWeights blend = new FusionWeights(params);
        CurrentRanker ranker = new CurrentRanker();
        return new SharedModel(params, index, blend, ranker, new Recommender(params, index, blend, explains, ranker));
    }

    /** A model over a new, empty index. */
    public static SharedModel empty(ModelParams params, boolean explains) {
        return of(params, new ItemIndex(params.dimensions()), explains);
    }
}
