package io.streamrec.model.online;

import io.streamrec.model.UserProfile;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.ranker.RankerSettings;
import io.streamrec.model.ranker.RankerTraining;
import io.streamrec.model.ranker.RankerWeights;
import io.streamrec.model.ranker.RankingExample;

/**
 * The learned ranker's training without Kafka, for the replay and the in-memory benchmark, beside
 * {@link InMemoryItemSide}: each pick that teaches the ranker is offered as an example, and each
 * step's weights are installed in the shared model when they fall due in event time, as the
 * topology's trainer publishes them to every instance. One owner, one thread.
 */
public final class InMemoryRanker implements AutoCloseable {
    private final SharedModel model;
    private final RankerSettings settings;
    private final RankerTraining training;

    /**
     * Installs version 0 (the blend) at once, so every list from the first on is ranked, and pays,
     * as a trained one is.
     *
     * @param seed the hidden layer's start and the batches' draws
     */
    public InMemoryRanker(SharedModel model, RankerSettings settings, long publishDelayMs, long seed) {
        this.model = model;
        this.settings = settings;
        RankerWeights start = RankerWeights.first(model.params(), settings, seed);
        model.ranker().install(start);
        this.training = new RankerTraining(start, settings, publishDelayMs, seed);
    }

    /** Installs the newest weights due by event time {@code now}. */
    public void advanceTo(long now) {
        RankerWeights due = training.due(now);
        if (due != null) {
            model.ranker().install(due);
        }
    }

    /**
     * Offers what the user's pick teaches, if anything, from the candidates a list of {@code n} had
     * for them just before; call before the step learns the event.
     */
    public void learnFrom(OnlineStep step, UserProfile profile, SeenItems seen, String item, String type,
                          boolean newForUser, int n, long time) {
        if (!step.teachesRanker(type, newForUser)) {
            return;
        }
        RankingExample example = step.example(profile, seen, item, n, settings.negatives(), time);
        if (example != null) {
            training.offer(example, time);
        }
    }

    /** Mini-batch steps taken so far. */
    public long steps() {
        return training.steps();
    }

    /** Stops the training's thread. */
    @Override
    public void close() {
        training.close();
    }
}
