package io.streamrec.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lookup load from a second process: {@code wrk} (Debian's package) with a script that
 * schedules requests on a fixed timeline, {@code rate / threads} per thread, so the rate holds
 * whatever the latency (as long as a connection is free) and latency is measured from each
 * request's send. A generator in C leaves the cores to the server: the JVM generator's HTTP
 * client costs about as much CPU per request as the lookup it measures.
 */
final class WrkLoad {
    private static final int THREADS = 2;
    private static final Pattern SUMMARY = Pattern.compile(
            "WRK requests=(\\d+) seconds=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) max_ms=([0-9.]+) errors=(\\d+) non2xx=(\\d+)");

    record Result(long requests, double seconds, double p50Ms, double p99Ms, double maxMs, long errors) {}

    private final String base;
    private final List<String> users;

    WrkLoad(String base, List<String> users) {
        this.base = base;
        this.users = List.copyOf(users);
    }

    /** Whether {@code wrk} is on the PATH. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A warm-up run, left out, then the measured one; prints a line per second while wrk runs. */
    Result run(Rate rate, Duration warmup, Duration duration, int connections, PrintWriter out)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("streamrec-lookup", ".lua");
        try {
            Files.writeString(script, script(rate), StandardCharsets.UTF_8);
            if (!warmup.isZero()) {
                once(script, warmup, connections, out, "warm-up");
            }
            return once(script, duration, connections, out, "measuring");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private Result once(Path script, Duration duration, int connections, PrintWriter out, String phase)
            throws IOException, InterruptedException {
        long seconds = Math.max(1, duration.toSeconds());
        List<String> command = List.of("wrk", "-t" + THREADS, "-c" + Math.max(THREADS, connections),
                "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), base);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("reading wrk's output failed: ").append(e);
            }
        }, "wrk-output");
        reader.start();
        for (long t = 1; !wrk.waitFor(1, TimeUnit.SECONDS); t++) {
            out.printf(Locale.ROOT, "t=%ds wrk %s (figures when it ends)%n", t, phase);
            out.flush();
        }
        reader.join();
        Matcher m = SUMMARY.matcher(output);
        if (wrk.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "): " + output.toString().strip());
        }
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                Long.parseLong(m.group(6)) + Long.parseLong(m.group(7)));
    }

    /**
     * The Lua script: random users from the pool, each thread keeping its own schedule through
     * LuaJIT's ffi clock (wrk's delay() only says how long to wait before the next request).
     */
    private String script(Rate rate) {
        List<String> quoted = new ArrayList<>(users.size());
        for (String user : users) {
            quoted.add("\"" + user.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return """
                local ffi = require("ffi")
                ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } streamrec_timespec;
                           int clock_gettime(int clock, streamrec_timespec *ts); ]]
                local ts = ffi.new("streamrec_timespec")
                local function now_ms()
                  ffi.C.clock_gettime(1, ts)
                  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
                end
                local users = { %s }
                local period = %s
                local next_at = nil
                math.randomseed(42)
                request = function()
                  local user = users[math.random(1, #users)]
                  return wrk.format("GET", "/v1/users/" .. user .. "/recommendations")
                end
                delay = function()
                  local now = now_ms()
                  -- Fallen far behind (no free connection): start a new timeline rather than burst.
                  if next_at == nil or next_at < now - 1000 then next_at = now end
                  local wait = next_at - now
                  next_at = next_at + period
                  if wait < 0 then return 0 end
                  return wait
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("WRK requests=%%d seconds=%%.3f p50_ms=%%.3f p99_ms=%%.3f max_ms=%%.3f errors=%%d non2xx=%%d\\n",
                    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
                    latency:percentile(99) / 1000, latency.max / 1000,
                    e.connect + e.read + e.write + e.timeout, e.status))
                end
                """.formatted(String.join(", ", quoted),
                String.format(Locale.ROOT, "%.6f", 1000.0 * THREADS / rate.perSecond()));
    }
}
