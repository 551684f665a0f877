package io.streamrec.model.ranker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ranker's training cadence: examples arrive in event time, a mini-batch step is taken every
 * {@link RankerSettings#stepEvery()} of them on a batch drawn from the newest
 * {@link RankerSettings#window()} (smaller batches, as much more often, while the window fills:
 * {@link #batchSize}), and each step's weights become due once the next step has been
 * started and {@code publishDelayMs} after the example that triggered it, the time publication
 * takes live. The replay calls it in event order; a live trainer calls it as examples arrive.
 *
 * <p>Steps run one after another on a thread of their own, and a step trains while the next
 * step's examples arrive: neither the replay nor a live trainer's stream thread waits for it, unless
 * a step takes longer than {@code stepEvery} examples do to arrive. Were weights due one
 * publication after their step began, a replay of ratings, which crosses a second of event time in
 * a few events, would wait on nearly every step. Which examples a step uses and when its
 * weights apply depend on the order of events alone, so runs are deterministic for a seed. Not
 * thread-safe otherwise: one caller.
 */
public final class RankerTraining implements AutoCloseable {
    /** The smallest batch a step draws while the window fills. */
    static final int MIN_BATCH = 32;
    private final RankerSettings settings;
    /** Whether training starts from the blend (version 0), not from weights a trainer stored. */
    private final boolean fromBlend;
    private final RankerTrainer trainer;
    private final long publishDelayMs;
    private final Random random;
    private final RankingExample[] window;
    private int stored;
    private int next;
    private int sinceStep;
    private long steps;
    /** New users' picks counted so far: each step's weights carry them as they were when it began. */
    private NewUserPicks newUsers;
    /** Young users' picks counted so far, sent the same way. */
    private YoungUserPicks youngUsers;
    private final ArrayDeque<Due> pending = new ArrayDeque<>();
    private final ExecutorService stepper = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ranker-training");
        thread.setDaemon(true);
        return thread;
    });

    private record Due(Future<RankerWeights> weights, long at) {
    }

    public RankerTraining(RankerWeights start, RankerSettings settings, long publishDelayMs, long seed) {
        this.settings = settings;
        this.fromBlend = start.version() == 0;
        this.trainer = new RankerTrainer(start, settings.negatives() + 1, settings.learningRate());
        this.publishDelayMs = publishDelayMs;
        this.random = new Random(seed);
        this.window = new RankingExample[settings.window()];
        this.newUsers = start.newUsers();
        this.youngUsers = start.youngUsers();
    }

    /**
     * One example, at event time {@code time}; takes a step when one is due. A new user's pick is
     * counted, not trained on, and goes out with the next step's weights, as is a young user's (which
     * may be a ranking example too); the counts remember about as many picks as the window holds
     * examples, as the ranker learns from its newest examples.
     */
    public void offer(RankingExample example, long time) {
        if (example.isNewUserPick()) {
            newUsers = newUsers.plus(example.newUserOrders(), window.length);
            return;
        }
        if (example.young() != null) {
            youngUsers = youngUsers.plus(example.young(), window.length);
        }
        if (!example.isRanking()) {
            return;
        }
        window[next] = example;
        next = (next + 1) % window.length;
        stored = Math.min(stored + 1, window.length);
        int size = batchSize();
        if (++sinceStep < Math.max(1, (long) size * settings.stepEvery() / settings.batch()) || stored < size) {
            return;
        }
        sinceStep = 0;
        List<RankingExample> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(window[random.nextInt(stored)]);
        }
        NewUserPicks newUserPicks = newUsers;
        YoungUserPicks youngUserPicks = youngUsers;
        pending.add(new Due(stepper.submit(() -> trainer.step(batch).withPicks(newUserPicks, youngUserPicks)),
                time + publishDelayMs));
        steps++;
    }

    /**
     * The examples the next step draws: the configured batch once the window is full, and while
     * it fills, a share of the batch as large as the window's (at least {@link #MIN_BATCH}), taken
     * as much more often. Each example is drawn about as often either way, but a log with few
     * examples gets many small steps instead of a handful of large ones that leave the ranker
     * where it started. A trainer resuming from stored weights, past that point, draws full
     * batches from the start: a restart should not change how a trained ranker moves.
     */
    private int batchSize() {
        int full = settings.batch(); // never above the window: RankerSettings requires window >= batch
        if (!fromBlend) {
            return full;
        }
        return (int) Math.min(full, Math.max(Math.min(MIN_BATCH, full), (long) full * stored / window.length));
    }

    /** The newest weights due by {@code now}, or null when no new ones are; the newest step's never are. */
    public RankerWeights due(long now) {
        RankerWeights latest = null;
        while (pending.size() > 1 && pending.peek().at() <= now) {
            latest = await(pending.poll().weights());
        }
        return latest;
    }

    private static RankerWeights await(Future<RankerWeights> step) {
        try {
            return step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a ranker step", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a ranker step failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the stepping thread; steps not yet due are dropped. */
    @Override
    public void close() {
        stepper.shutdownNow();
    }

    /** Mini-batch steps taken so far. */
    public long steps() {
        return steps;
    }
}
