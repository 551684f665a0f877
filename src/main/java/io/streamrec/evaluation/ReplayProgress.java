package io.streamrec.evaluation;

import java.io.PrintWriter;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far a model's replay has got: a redrawn progress bar on a terminal; elsewhere (a log file,
 * a pipe, CI) a plain line every so often and one at the end, since redrawn frames there are only
 * carriage returns piling up.
 */
abstract class ReplayProgress implements LongConsumer, AutoCloseable {

    /** A bar when the JVM runs on a terminal, else plain lines on {@code err}. */
    static ReplayProgress of(String model, long events, PrintWriter err) {
        return System.console() != null ? new Bar(model, events) : new Lines(model, events, err, 10_000);
    }

    @Override
    public abstract void close();

    private static final class Bar extends ReplayProgress {
        private final ProgressBar bar;

        Bar(String model, long events) {
            bar = new ProgressBarBuilder().setTaskName(String.format("%-10s", model)).setInitialMax(events)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build();
        }

        @Override
        public void accept(long replayed) {
            bar.stepTo(replayed);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    static final class Lines extends ReplayProgress {
        private final String model;
        private final long events;
        private final PrintWriter err;
        private final long everyMillis;
        private final long start = System.nanoTime();
        private long lastLine = start;
        private long replayed;

        Lines(String model, long events, PrintWriter err, long everyMillis) {
            this.model = model;
            this.events = events;
            this.err = err;
            this.everyMillis = everyMillis;
        }

        @Override
        public void accept(long replayed) {
            this.replayed = replayed;
            long now = System.nanoTime();
            if (replayed < events && now - lastLine >= everyMillis * 1_000_000L) {
                lastLine = now;
                err.printf("%s: %,d of %,d events (%d%%), %s%n", model, replayed, events, replayed * 100 / events,
                        seconds(now));
                err.flush();
            }
        }

        @Override
        public void close() {
            err.printf("%s: %,d events replayed in %s%n", model, replayed, seconds(System.nanoTime()));
            err.flush();
        }

        private String seconds(long now) {
            return String.format("%.1f s", (now - start) / 1e9);
        }
    }
}
