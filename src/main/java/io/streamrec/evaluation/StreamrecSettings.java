package io.streamrec.evaluation;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.model.EventWeights;
import io.streamrec.model.Lifecycle;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ModelParams;
import io.streamrec.model.content.ContentEncoderSettings;
import io.streamrec.model.ranker.RankerSettings;

/**
 * What the replay runs streamrec's model with: the settings a deployment reads from the same
 * configuration keys, so a replay measures what would run live.
 *
 * @param itemPublishIntervalMs how long, in event time, what events owe items is summed before it
 *                              is applied to the index, as the live item side publishes it
 * @param reranking             what the HTTP API's diversity parameters do, applied to every list
 * @param ranker                the learned ranker and its training cadence, in event time as live
 * @param content               where content similarity comes from, and the content autoencoder's training
 */
public record StreamrecSettings(ModelParams params, EventWeights weights, Lifecycle lifecycle,
                                long itemPublishIntervalMs, ListPolicy reranking, RankerSettings ranker,
                                ContentEncoderSettings content) {

    /** The deployment's settings for {@code params} and {@code weights}, everything else at its default. */
    public static StreamrecSettings of(ModelParams params, EventWeights weights) {
        StreamrecConfig defaults = StreamrecConfig.defaults();
        return new StreamrecSettings(params, weights, defaults.lifecycle(), defaults.itemPublishIntervalMs(),
                ListPolicy.none(), defaults.rankerSettings(), defaults.contentEncoderSettings());
    }

    /** Everything from {@code config} (its model, lifecycle and publish interval keys). */
    public static StreamrecSettings of(StreamrecConfig config, EventWeights weights, ListPolicy reranking) {
        return new StreamrecSettings(config.modelParams(), weights, config.lifecycle(), config.itemPublishIntervalMs(),
                reranking, config.rankerSettings(), config.contentEncoderSettings());
    }
}
