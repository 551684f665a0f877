package io.streamrec.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load: request n is due at start + n / rate whatever happened to earlier
 * ones, and its latency is counted from when it was due, so a stall shows up in the figures
 * instead of silently lowering the rate (no coordinated omission). {@code connections}
 * threads each send one blocking request at a time over the JDK client's kept-alive connections.
 */
final class LookupLoad {
    record Result(long requests, long errors, double seconds, Samples latency) {}

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final List<String> users;

    LookupLoad(String baseUrl, List<String> users) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.users = users;
    }

    /** One lookup; the answer's status and whether another instance served it. */
    record Answer(int status, boolean forwarded) {}

    Answer get(String user) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(user)).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("X-Streamrec-Served-By").isPresent());
    }

    Result run(Rate rate, Duration warmup, Duration duration, int connections, PrintWriter out) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong progressErrors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        Samples latency = new Samples();
        Samples recent = new Samples();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            SplittableRandom random = new SplittableRandom(w);
            Thread worker = new Thread(() -> {
                while (true) {
                    long due = start + rate.dueAtNanos(next.getAndIncrement());
                    if (due >= end) {
                        return;
                    }
                    LockSupport.parkNanos(due - System.nanoTime());
                    boolean ok;
                    try {
                        ok = get(users.get(random.nextInt(users.size()))).status() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long done = System.nanoTime();
                    long micros = (done - due) / 1000;
                    if (due >= measureFrom) {
                        lastDone.accumulateAndGet(done, Math::max);
                        requests.incrementAndGet();
                        latency.add(micros);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    recent.add(micros);
                    if (!ok) {
                        progressErrors.incrementAndGet();
                    }
                }
            }, "bench-lookup-" + w);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        for (int second = 1; System.nanoTime() < end; second++) {
            LoadCommand.sleepUntil(Math.min(end, start + second * 1_000_000_000L));
            out.printf(java.util.Locale.ROOT, "t=%ds%s requests=%d p50_ms=%s p99_ms=%s errors=%d%n", second,
                    System.nanoTime() < measureFrom ? " (warm-up)" : "", recent.count(),
                    Samples.ms(recent.percentileMs(0.5)), Samples.ms(recent.percentileMs(0.99)), progressErrors.get());
            recent.clear();
        }
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        // Answered per second: when the server falls behind, the last answers come after the window.
        double seconds = Math.max(duration.toNanos(), lastDone.get() - measureFrom) / 1e9;
        return new Result(requests.get(), errors.get(), seconds, latency);
    }

    private URI uri(String user) {
        return URI.create(baseUrl + "/v1/users/" + user + "/recommendations?n=20");
    }
}
