package io.streamrec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamrec.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Both benchmark commands, run for a few seconds on the in-process broker as a user would run
 * them: they print progress and end with the summary line in the format. Figures are
 * only checked for being there and plausible (events went through, lists came out, no errors),
 * never for speed.
 */
class BenchCommandsTest {
    private static final Pattern LOAD = Pattern.compile("sustained_events_per_s=(\\d+) model_events_per_s=(\\d+) "
            + "model_learn_only_events_per_s=(\\d+) bare_events_per_s=(\\d+|none) live_vs_model=([\\d.]+) "
            + "live_vs_bare=([\\d.]+|none) broker_records_per_event=([\\d.]+) broker_markers_per_event=([\\d.]+) "
            + "fresh_p50_ms=([\\d.]+) fresh_p99_ms=([\\d.]+) fresh_max_ms=([\\d.]+) learn_p50_ms=([\\d.]+) "
            + "learn_p99_ms=([\\d.]+) lag_end=(\\d+)");
    private static final Pattern LOOKUP = Pattern.compile(
            "requests_per_s=(\\d+) p50_ms=([\\d.]+) p99_ms=([\\d.]+) errors=(\\d+)");

    @Test
    void loadPublishesEventsAndMeasuresRefreshedLists() {
        List<String> lines = run("bench", "load", "--rate", "300", "--duration", "4s", "--warmup", "1s",
                "--users", "200", "--items", "100", "--model-warmup", "1s", "--model-duration", "1s",
                "--set", "streamrec.topic.partitions=2");
        assertThat(lines).anyMatch(line -> line.startsWith("t=1s sent="));
        assertThat(lines).anyMatch(line -> line.matches("  \\S*recommendations +\\d+ .*"));
        Matcher last = LOAD.matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as("last line: " + lines.get(lines.size() - 1)).isTrue();
        long live = Long.parseLong(last.group(1));
        assertThat(live).as("events committed per second").isPositive();
        assertThat(Long.parseLong(last.group(2))).as("the model in memory outruns an app held to 300/s")
                .isGreaterThan(live);
        assertThat(Double.parseDouble(last.group(7))).as("the app appends records for the events it learns")
                .isPositive();
        assertThat(Double.parseDouble(last.group(8))).as("exactly-once: transactions leave markers").isPositive();
        assertThat(Double.parseDouble(last.group(9))).as("fresh p50 is at most p99").isLessThanOrEqualTo(
                Double.parseDouble(last.group(10)));
        assertThat(Double.parseDouble(last.group(11))).as("max latency: lists were measured").isPositive();
        assertThat(Double.parseDouble(last.group(12))).as("learn p50 is at most p99").isLessThanOrEqualTo(
                Double.parseDouble(last.group(13)));
    }

    @Test
    void lookupLoadsTheApiForLocalKeys() {
        List<String> lines = run("bench", "lookup", "--rate", "200", "--duration", "3s", "--warmup", "1s",
                "--users", "100", "--connections", "4", "--generator", "jvm", "--set", "streamrec.topic.partitions=2");
        assertThat(lines).anyMatch(line -> line.matches("t=\\ds.* requests=\\d+ .*"));
        assertLookupSummary(lines, 200);
    }

    @Test
    void lookupCanBeLoadedByWrkFromASecondProcess() {
        assumeTrue(WrkLoad.available(), "wrk is not installed (Debian: apt-get install wrk)");
        List<String> lines = run("bench", "lookup", "--rate", "300", "--duration", "3s", "--warmup", "1s",
                "--users", "100", "--connections", "4", "--generator", "wrk", "--set", "streamrec.topic.partitions=2");
        assertThat(lines).anyMatch(line -> line.matches("t=\\ds wrk measuring .*"));
        assertLookupSummary(lines, 300);
    }

    /** The last line is the summary, with no errors and about the asked rate (it is scheduled, not closed-loop). */
    private static void assertLookupSummary(List<String> lines, int rate) {
        Matcher last = LOOKUP.matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as("last line: " + lines.get(lines.size() - 1)).isTrue();
        assertThat(Long.parseLong(last.group(1))).as("requests per second").isBetween(rate / 2L, rate * 2L);
        assertThat(Double.parseDouble(last.group(2))).as("p50 is at most p99").isLessThanOrEqualTo(
                Double.parseDouble(last.group(3)));
        assertThat(last.group(4)).as("errors").isEqualTo("0");
    }

    private static List<String> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        assertThat(exit).as("exit code; stderr: " + err).isZero();
        return out.toString().lines().toList();
    }
}
