package io.streamrec.bench;

import io.streamrec.app.StreamrecApp;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench load}: events in at a fixed rate, and what comes out. Prints a progress line per
 * second and ends with {@code sustained_events_per_s=... p50_ms=... p99_ms=... max_ms=... lag_end=...}:
 * the events the app committed per second in the {@code --duration} that follows the warm-up, the latency from each event's
 * producer timestamp to the first committed list reflecting it, and the group's lag on
 * `interactions` when the generator stops.
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
     * Until the JIT has compiled the model and the Streams stack, the app falls behind and the
     * backlog it builds delays the events after it too, so the figures must leave that start out:
     * on two cores with the broker in process, the compiler is still busy tens of seconds in
     * (BENCHMARKS.md, section 4).
     */
    @Option(names = "--warmup", defaultValue = "40s", description = "Publishing before the measured duration, "
            + "left out of the figures (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--users", defaultValue = "100000", description = "Distinct users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", defaultValue = "10000", description = "Distinct items (default ${DEFAULT-VALUE}).")
    int items;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Rate eventRate = Rate.parse(rate);
        Duration runFor = Rate.duration(duration, "--duration");
        Duration warm = Rate.duration(warmup, "--warmup");
        if (users <= 0 || items <= 0) {
            throw new IllegalArgumentException("--users and --items must be positive");
        }
        try (BenchTarget system = BenchTarget.start(out, target, 1);
             ConsumerLag lag = new ConsumerLag(system.bootstrapServers, system.applicationId,
                     system.topics.interactions());
             ConsumerLag deltaLag = new ConsumerLag(system.bootstrapServers,
                     StreamrecApp.itemSideApplicationId(system.applicationId), system.topics.itemDeltas());
             RefreshLatency latency = new RefreshLatency(system.bootstrapServers, system.topics.recommendations())) {
            ConsumerLag.Position before = lag.position();
            AtomicLong processed = new AtomicLong();
            out.printf(Locale.ROOT, "load: %s for %s after a %s warm-up, %d users x %d items, group %s%n",
                    eventRate, runFor, warm, users, items, system.applicationId);
            EventGenerator generator = new EventGenerator(system.bootstrapServers, system.topics.interactions(),
                    eventRate, users, items, processed::get).start();
            long start = System.nanoTime();
            long warmEnd = start + warm.toNanos();
            long end = warmEnd + runFor.toNanos();
            latency.countFrom(System.currentTimeMillis() + warm.toMillis());
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
            generator.close();
            ConsumerLag.Position last = lag.position();
            long endNanos = System.nanoTime();
            long cpuUsed = cpu.nanos() - cpuAtWarmEnd;
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
            out.printf(Locale.ROOT, "sustained_events_per_s=%d p50_ms=%s p99_ms=%s max_ms=%s lag_end=%d%n",
                    Math.round(sustained), latencyMs(samples, samples.percentileMs(0.5)),
                    latencyMs(samples, samples.percentileMs(0.99)), latencyMs(samples, samples.maxMs()), last.lag());
        }
        return 0;
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
