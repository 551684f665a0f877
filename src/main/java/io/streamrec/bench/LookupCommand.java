package io.streamrec.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench lookup}: GET /v1/users/{id}/recommendations at a fixed rate, for keys the
 * receiving instance owns (local) or keys it must forward to the other instance (forwarded).
 * Ends with {@code requests_per_s=... p50_ms=... p99_ms=... errors=...}.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Load the recommendations lookup at a fixed rate; measure requests/s, p50/p99 and errors.")
final class LookupCommand implements Callable<Integer> {
    /** Users probed once to learn which instance owns them. */
    static final int PROBED_USERS = 2000;

    @Option(names = "--rate", defaultValue = "5000", description = "Requests per second (default ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--duration", defaultValue = "20s", description = "How long to measure (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "3s", description = "Load before measuring (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--users", defaultValue = "100000", description = "Users given a list before the run "
            + "(bench-user-0..; default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--keys", defaultValue = "local", description = "local: users the instance asked owns; "
            + "forwarded: users another instance owns (in-process: a second instance is started). Default ${DEFAULT-VALUE}.")
    String keys;

    @Option(names = "--connections", defaultValue = "32", description = "Concurrent requests (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--generator", defaultValue = "auto", description = "wrk: Debian's wrk in a second process "
            + "(the server keeps the cores); jvm: the JDK HTTP client in this JVM; auto: wrk when on the PATH, "
            + "else jvm. Default ${DEFAULT-VALUE}.")
    String generator;

    @Option(names = "--url", description = "HTTP API of a running instance; default: the in-process instance. "
            + "With --bootstrap-servers the users are seeded there first, else they must exist (e.g. from bench load).")
    String url;

    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Rate requestRate = Rate.parse(rate);
        Duration runFor = Rate.duration(duration, "--duration");
        Duration warm = Rate.duration(warmup, "--warmup");
        if (requestRate.isMax()) {
            throw new IllegalArgumentException("--rate must be a number for lookups (open-loop load)");
        }
        boolean forwarded = switch (keys) {
            case "local" -> false;
            case "forwarded" -> true;
            default -> throw new IllegalArgumentException("--keys must be local or forwarded, was '" + keys + "'");
        };
        boolean wrk = switch (generator) {
            case "wrk" -> true;
            case "jvm" -> false;
            case "auto" -> WrkLoad.available();
            default -> throw new IllegalArgumentException("--generator must be auto, wrk or jvm, was '" + generator + "'");
        };
        if (wrk && !WrkLoad.available()) {
            throw new IllegalArgumentException("--generator wrk needs wrk on the PATH (Debian: apt-get install wrk)");
        }
        if (users <= 0 || connections <= 0) {
            throw new IllegalArgumentException("--users and --connections must be positive");
        }
        boolean inProcess = url == null;
        if (inProcess && !target.embedded()) {
            throw new IllegalArgumentException("--bootstrap-servers needs --url: the HTTP API to load");
        }
        try (BenchTarget system = inProcess || !target.embedded() ? BenchTarget.start(out, target, forwarded ? 2 : 1) : null) {
            String base = inProcess ? system.apps.get(0).httpUrl() : url;
            if (system != null) {
                seed(system, out);
            }
            LookupLoad load = new LookupLoad(base, List.of());
            List<String> pool = keysOf(load, forwarded);
            if (inProcess) {
                out.println(GcHint.line());
            }
            out.printf(Locale.ROOT, "lookup: %s for %s after %s warm-up on %s, %d %s keys, %d connections, %s generator%n",
                    requestRate, runFor, warm, base, pool.size(), keys, connections, wrk ? "wrk" : "jvm");
            if (wrk) {
                WrkLoad.Result result = new WrkLoad(base, pool).run(requestRate, warm, runFor, connections, out);
                printSummary(out, result.requests() / result.seconds(), result.p50Ms(), result.p99Ms(), result.errors());
            } else {
                LookupLoad.Result result = new LookupLoad(base, pool).run(requestRate, warm, runFor, connections, out);
                printSummary(out, result.requests() / result.seconds(), result.latency().percentileMs(0.5),
                        result.latency().percentileMs(0.99), result.errors());
            }
        }
        return 0;
    }

    private static void printSummary(PrintWriter out, double requestsPerSecond, double p50Ms, double p99Ms,
                                     long errors) {
        out.printf(Locale.ROOT, "requests_per_s=%d p50_ms=%s p99_ms=%s errors=%d%n", Math.round(requestsPerSecond),
                Samples.ms(p50Ms), Samples.ms(p99Ms), errors);
    }

    /** One event per user, then wait until the app has committed them all and the debounced lists are out. */
    private void seed(BenchTarget system, PrintWriter out) throws Exception {
        out.println("seeding " + users + " users with one event each...");
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers, system.applicationId,
                system.topics.interactions());
             EventGenerator generator = new EventGenerator(system.bootstrapServers, system.topics.interactions(),
                     Rate.MAX, users, Math.max(1, users / 10), () -> 0)) {
            generator.seedEveryUser();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            ConsumerLag.Position position;
            while ((position = lag.position()).lag() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the app did not catch up with the seed events: lag " + position.lag());
                }
                out.println("  lag " + position.lag());
                Thread.sleep(1000);
            }
        }
        // Committed events are refreshed within the debounce window and the next commit.
        Thread.sleep(2000);
    }

    /** Probes users once; keeps those answered here (local) or by another instance (forwarded). */
    private List<String> keysOf(LookupLoad load, boolean forwarded) throws Exception {
        List<String> pool = new ArrayList<>();
        int probed = Math.min(users, PROBED_USERS);
        int errors = 0;
        for (int i = 0; i < probed; i++) {
            String user = BenchIds.USER_PREFIX + (long) i * users / probed;
            LookupLoad.Answer answer = load.get(user);
            if (answer.status() != 200) {
                errors++;
            } else if (answer.forwarded() == forwarded) {
                pool.add(user);
            }
        }
        if (pool.isEmpty()) {
            throw new IllegalStateException("none of " + probed + " probed users is " + keys + " (" + errors
                    + " errors)" + (forwarded ? "; forwarded keys need two instances" : ""));
        }
        return pool;
    }
}
