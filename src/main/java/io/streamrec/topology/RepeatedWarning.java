package io.streamrec.topology;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A warning that may hold for every record of a kind for minutes (during a rolling upgrade, each
 * example or weights record of the other release): written the first time, then at most once per
 * interval with how many occurred since, so the log shows that it goes on without a line per record.
 * Used by one thread.
 */
final class RepeatedWarning {
    static final long INTERVAL_MS = 60_000;

    private final String what;
    private final Consumer<String> log;
    private final LongSupplier clockMs;
    private long count;
    private long countWhenWritten;
    private long writtenAt;

    /** @param what what happened, e.g. "ranking example skipped" */
    RepeatedWarning(String what, Consumer<String> log, LongSupplier clockMs) {
        this.what = what;
        this.log = log;
        this.clockMs = clockMs;
    }

    /** One more occurrence, with why: written if it is the first or the interval has passed since the last written. */
    void occurred(String reason) {
        count++;
        long now = clockMs.getAsLong();
        if (count > 1 && now - writtenAt < INTERVAL_MS) {
            return;
        }
        log.accept(count == 1 ? what + ": " + reason
                : what + " " + (count - countWhenWritten) + " times in the last " + (now - writtenAt) / 1000
                        + " s (" + count + " in all; warned at most once a minute), the latest: " + reason);
        countWhenWritten = count;
        writtenAt = now;
    }
}
