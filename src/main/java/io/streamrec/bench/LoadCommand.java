package io.streamrec.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench load}: events in at a fixed rate, and what comes out. Prints a progress line per
 * second, then, with the live app stopped so nothing competes: the broker records the app appended
 * per event in the measured window (per topic), a bare exactly-once topology over the same events
 * on the same broker, and the same events through the model in memory. The last line of standard
 * output is the {@link LoadSummary}, printed once everything is closed.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Publish events at a fixed rate; measure sustained throughput, event-to-list latency, lag.")
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "10000", description = "Events per second, or 'max' (default ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--duration", defaultValue = "30s", description = "How long to publish and measure, after the "
            + "warm-up (default ${DEFAULT-VALUE}).")
    String duration;

    /**
     * The figures must leave out two starts. Until the JIT has compiled the model and the Streams
     * stack (on two cores with the broker in process, tens of seconds), the app falls behind and
     * its backlog delays the events after it too. And until the items' neighbour lists have filled
     * (about two minutes of the bench's traffic), each item record is a fraction of its steady size,
     * so publishing items costs a fraction of what a running deployment pays (BENCHMARKS.md, section 4).
     */
    @Option(names = "--warmup", defaultValue = "180s", description = "Publishing before the measured duration, "
            + "left out of the figures (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--users", defaultValue = "100000", description = "Distinct users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "10000", description = "Distinct items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--model-warmup", defaultValue = "10s", description = "In-memory model run: after learning, "
            + "without lists, as many events as the live run learned, events through the online step left out "
            + "before measuring (default ${DEFAULT-VALUE}).")
    String modelWarmup;

    @Option(names = "--model-duration", defaultValue = "5s", description = "In-memory model run: measured with "
            + "refreshes, then again learning only (default ${DEFAULT-VALUE} each).")
    String modelDuration;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    /** The broker's own topics: the app's offset commits and transactions land there, beside other clients'. */
    private static final Set<String> BROKER_TOPICS = Set.of("__consumer_offsets", "__transaction_state");
    /** The bare topology reads the whole backlog; a run longer than this is cut and reported as not measured. */
    private static final Duration BARE_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Rate eventRate = Rate.parse(rate);
        Duration runFor = Rate.duration(duration, "--duration");
        Duration warm = Rate.duration(warmup, "--warmup");
        Duration modelWarm = Rate.duration(modelWarmup, "--model-warmup");
        Duration modelRun = Rate.duration(modelDuration, "--model-duration");
        if (users <= 0 || items <= 0) {
            throw new IllegalArgumentException("--users and --items must be positive");
        }
        LoadSummary summary;
        try (BenchTarget system = BenchTarget.start(out, target, 1)) {
            summary = run(out, system, eventRate, runFor, warm, modelWarm, modelRun);
        }
        // Printed once everything is closed: the summary stays the last line of standard output.
        out.println(summary.line());
        out.flush();
        return 0;
    }

    private LoadSummary run(PrintWriter out, BenchTarget system, Rate eventRate, Duration runFor, Duration warm,
                            Duration modelWarm, Duration modelRun) throws Exception {
        Set<String> written = appTopics(system);
        LiveRun live;
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers, system.applicationId,
                     system.topics.interactions());
             ConsumerLag deltaLag = new ConsumerLag(system.bootstrapServers,
                     system.topics.itemSideApplicationId(), system.topics.itemDeltas());
             RefreshLatency latency = new RefreshLatency(system.bootstrapServers, system.topics.recommendations());
             BrokerRecords broker = new BrokerRecords(system.bootstrapServers,
                     topic -> written.contains(topic) || topic.startsWith(system.applicationId + "-"))) {
            // Interactive queries need the app: the learning lag is done with before it stops.
            try (LearningLag learning = system.apps.isEmpty() ? null : new LearningLag(system.apps.get(0).streams())) {
                live = runLive(out, system, eventRate, runFor, warm, lag, deltaLag, latency, learning, broker);
            }
            // The rest runs on a quiet machine: the app would otherwise still work off its backlog.
            system.closeApps();
            RecordsPerEvent records = RecordsPerEvent.of(BrokerRecords.offsetsTaken(live.before, live.after),
                    broker.dataRecords(live.before, live.after, BARE_TIMEOUT), live.events, BROKER_TOPICS);
            records.print(out);
            double bare = bareRate(out, system);
            ModelThroughput.Result model;
            try (ModelThroughput inMemory = new ModelThroughput(system.config.topologySettings(), users, items)) {
                model = inMemory.run(live.learned(), modelWarm, modelRun);
            }
            out.printf(Locale.ROOT, "model in memory (same events, one thread, after learning the live run's %d "
                            + "events and a %s warm-up): %.0f events/s learned and listed (one refresh per event, "
                            + "%.1f us), %.0f learned only (%.1f us)%n",
                    live.learned(), modelWarmup, model.eventsPerSecond(), 1e6 / model.eventsPerSecond(),
                    model.learnOnlyEventsPerSecond(), 1e6 / model.learnOnlyEventsPerSecond());
            return new LoadSummary(live.sustained, model.eventsPerSecond(), model.learnOnlyEventsPerSecond(), bare,
                    records.recordsPerEvent(), records.markersPerEvent(), live.fresh, live.learn, live.lagEnd);
        }
    }

    /**
     * What the live run measured; {@code before} and {@code after} bound the measured window of
     * {@code events}; {@code learned} counts the warm-up's events too.
     */
    private record LiveRun(double sustained, long events, long learned, BrokerRecords.Snapshot before,
                           BrokerRecords.Snapshot after, LoadSummary.Latency fresh, LoadSummary.Latency learn,
                           long lagEnd) {}

    private LiveRun runLive(PrintWriter out, BenchTarget system, Rate eventRate, Duration runFor, Duration warm,
                            ConsumerLag lag, ConsumerLag deltaLag, RefreshLatency latency, LearningLag learning,
                            BrokerRecords broker) throws Exception {
        ConsumerLag.Position before = lag.position();
        BrokerRecords.Snapshot offsetsBefore = broker.snapshot();
        AtomicLong processed = new AtomicLong();
        out.printf(Locale.ROOT, "load: %s for %s after a %s warm-up, %d users x %d items, group %s%n",
                eventRate, runFor, warm, users, items, system.applicationId);
        EventGenerator generator = new EventGenerator(system.bootstrapServers, system.topics.interactions(),
                eventRate, users, items, processed::get,
                learning != null ? learning : (user, sentAtMs, where) -> { }).start();
        long start = System.nanoTime();
        long warmEnd = start + warm.toNanos();
        long end = warmEnd + runFor.toNanos();
        long countFrom = System.currentTimeMillis() + warm.toMillis();
        latency.countFrom(countFrom);
        if (learning != null) {
            learning.countFrom(countFrom);
        }
        AppCpu cpu = new AppCpu(system.applicationId);
        long cpuAtWarmEnd = 0;
        ConsumerLag.Position atWarmEnd = null;
        long warmEndNanos = 0;
        long lastSent = 0;
        long lastCommitted = before.committed();
        ConsumerLag.Position lastDeltas = deltaLag.position();
        for (int second = 1; System.nanoTime() < end; second++) {
            sleepUntil(Math.min(end, start + second * 1_000_000_000L));
            ConsumerLag.Position now = lag.position();
            processed.set(now.committed() - before.committed());
            if (atWarmEnd == null && System.nanoTime() >= warmEnd) {
                atWarmEnd = now;
                offsetsBefore = broker.snapshot();
                warmEndNanos = System.nanoTime();
                cpuAtWarmEnd = cpu.nanos();
            }
            long sent = generator.sent();
            ConsumerLag.Position deltas = deltaLag.position();
            out.printf(Locale.ROOT, "t=%ds sent=%d (+%d) committed=%d (+%d) lag=%d item_deltas=+%d/+%d "
                            + "item_delta_lag=%d lists=%d %s%n",
                    second, sent, sent - lastSent, processed.get(), now.committed() - lastCommitted, now.lag(),
                    deltas.end() - lastDeltas.end(), deltas.committed() - lastDeltas.committed(), deltas.lag(),
                    latency.lists(), latency.recentSummary());
            lastDeltas = deltas;
            lastSent = sent;
            lastCommitted = now.committed();
        }
        ConsumerLag.Position last = lag.position();
        BrokerRecords.Snapshot offsetsAfter = broker.snapshot();
        long endNanos = System.nanoTime();
        long cpuUsed = cpu.nanos() - cpuAtWarmEnd;
        generator.close();
        if (atWarmEnd == null) {
            atWarmEnd = before;
            warmEndNanos = start;
        }
        double sustained = (last.committed() - atWarmEnd.committed()) / ((endNanos - warmEndNanos) / 1e9);
        // The newest events are still being refreshed: give them the time a list takes, so the
        // slowest are counted rather than cut off.
        Thread.sleep(1500);
        Samples samples = latency.all();
        if (generator.failed() > 0) {
            out.println("warning: " + generator.failed() + " events could not be published");
        }
        // The item side must keep up too: a growing backlog of item deltas is not a sustained rate.
        out.printf(Locale.ROOT, "sent=%d lists=%d latency_samples=%d item_delta_lag_end=%d%n", generator.sent(),
                latency.lists(), samples.count(), deltaLag.position().lag());
        long measured = last.committed() - atWarmEnd.committed();
        if (!system.apps.isEmpty() && measured > 0) {
            // Comparable across runs on a shared machine, where events/s is not.
            out.printf(Locale.ROOT, "app_cpu_us_per_event=%.1f (stream threads and their clients, %d events)%n",
                    cpuUsed / 1000.0 / measured, measured);
        }
        if (samples.count() == 0) {
            // Zeros would read as instant lists; none arrived, so the latency is beyond the run.
            out.println("warning: no event published after the warm-up reached a list before the end: "
                    + "the app is behind by more than the run (lag_end)");
        }
        LoadSummary.Latency learn = new LoadSummary.Latency(0, 0, 0, 0);
        if (learning != null) {
            learn = LoadSummary.Latency.of(learning.all());
            out.printf(Locale.ROOT, "learning lag (event sent -> user-state names it, interactive query every %d ms, "
                            + "one event per %d ms sampled, looks at most %d ms apart): %d learned; ms p50 %s, "
                            + "p99 %s, max %s%n", LearningLag.POLL_MS, LearningLag.SAMPLE_EVERY_MS,
                    learning.longestLookGapMs(), learn.count(), learn.p50(), learn.p99(), learn.max());
            if (learning.unlearned() > 0) {
                out.printf(Locale.ROOT, "learning lag: %d sampled events not learned by the end, the oldest sent %d ms "
                        + "before (not in the percentiles)%n", learning.unlearned(), learning.oldestUnlearnedAgeMs());
            }
        }
        return new LiveRun(sustained, measured, last.committed() - before.committed(), offsetsBefore, offsetsAfter,
                LoadSummary.Latency.of(samples), learn, last.lag());
    }

    /** The bare yardstick on the in-process broker, or NaN when the target is someone else's cluster. */
    private double bareRate(PrintWriter out, BenchTarget system) throws Exception {
        if (!system.embedded()) {
            out.println("bare topology: not run against a running deployment (it would create topics there)");
            return Double.NaN;
        }
        BareTopology.Result bare = BareTopology.measure(system.config.kafkaProperties(0), system.bootstrapServers,
                system.topics.interactions(), "bare-" + system.applicationId, BARE_TIMEOUT);
        out.printf(Locale.ROOT, "bare topology (read, one read-modify-write, one record out; exactly-once, the "
                        + "app's settings) over the run's %d events: %s events/s%n", bare.events(),
                bare.eventsPerSecond().map(r -> String.valueOf(Math.round(r)))
                        .orElse("not measured (a backlog worked off in under a second, or over " + BARE_TIMEOUT + ")"));
        return bare.eventsPerSecond().orElse(Double.NaN);
    }

    /** Every topic the app writes but the internal ones named after its application ids. */
    private static Set<String> appTopics(BenchTarget system) {
        Set<String> written = new HashSet<>(BROKER_TOPICS);
        written.addAll(List.of(system.topics.itemDeltas(),
                system.topics.recommendations(), system.topics.rejected(), system.topics.rekeyed(),
                system.topics.rankerExamples(), system.topics.rankerWeights()));
        return written;
    }

    /** A latency figure, or "none" when no list was measured. */
    private static String latencyMs(Samples samples, double ms) {
        return samples.count() == 0 ? "none" : Samples.ms(ms);
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
