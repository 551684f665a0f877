package io.streamrec.model.ranker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ranker's training cadence: examples arrive in event time, a mini-batch step is taken every
 * {@link RankerSettings#stepEvery()} of them on a batch drawn from the newest
 * {@link RankerSettings#window()}, and each step's weights become due {@code publishDelayMs} after
 * the example that triggered it, the time publication takes live. The replay calls it in event
 * order; a live trainer calls it as examples arrive. Deterministic for a seed. Not thread-safe.
 */
public final class RankerTraining {
    private final RankerSettings settings;
    private final RankerTrainer trainer;
    private final long publishDelayMs;
    private final Random random;
    private final RankingExample[] window;
    private int stored;
    private int next;
    private int sinceStep;
    private long steps;
    private final ArrayDeque<Due> pending = new ArrayDeque<>();

    private record Due(RankerWeights weights, long at) {
    }

    public RankerTraining(RankerWeights start, RankerSettings settings, long publishDelayMs, long seed) {
        this.settings = settings;
        this.trainer = new RankerTrainer(start, settings.negatives() + 1, settings.learningRate());
        this.publishDelayMs = publishDelayMs;
        this.random = new Random(seed);
        this.window = new RankingExample[settings.window()];
    }

    /** One example, at event time {@code time}; takes a step when one is due. */
    public void offer(RankingExample example, long time) {
        window[next] = example;
        next = (next + 1) % window.length;
        stored = Math.min(stored + 1, window.length);
        if (++sinceStep < settings.stepEvery() || stored < Math.min(settings.batch(), window.length)) {
            return;
        }
        sinceStep = 0;
        List<RankingExample> batch = new ArrayList<>(settings.batch());
        for (int i = 0; i < settings.batch(); i++) {
            batch.add(window[random.nextInt(stored)]);
        }
        pending.add(new Due(trainer.step(batch), time + publishDelayMs));
        steps++;
    }

    /** The newest weights due by {@code now}, or null when no new ones are. */
    public RankerWeights due(long now) {
        RankerWeights latest = null;
        while (!pending.isEmpty() && pending.peek().at() <= now) {
            latest = pending.poll().weights();
        }
        return latest;
    }

    /** Mini-batch steps taken so far. */
    public long steps() {
        return steps;
    }
}
