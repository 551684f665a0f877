package io.streamrec.evaluation;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JIT is still compiling much, read from the JVM's compilation time every so many calls.
 * While it is, a second replay thread would take the core its compiler threads run on: a fresh
 * JVM's replay ran its first 16,000 events at half the speed of one thread, because the code stayed
 * slow for longer. Where the JVM does not report compilation time, the JIT counts as quiet.
 */
final class CompilerActivity {
    /** Calls between two readings. */
    private static final int EVERY = 1024;
    /** The compiler's share of the wall time since the last reading above which it counts as busy. */
    private static final double BUSY_SHARE = 0.10;

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final boolean readable = compiler != null && compiler.isCompilationTimeMonitoringSupported();
    private int calls;
    /** Taken at the first call, so the first window holds no time spent before the replay. */
    private long readAtNanos = -1;
    private long compiledMillis;
    private boolean busy = readable;

    /** Whether the compiler used more than a tenth of the time since the last reading (cheap between readings). */
    boolean busy() {
        if (readable && readAtNanos < 0) {
            readAtNanos = System.nanoTime();
            compiledMillis = compiler.getTotalCompilationTime();
        }
        if (readable && ++calls == EVERY) {
            calls = 0;
            long now = System.nanoTime();
            long compiled = compiler.getTotalCompilationTime();
            double wallMillis = (now - readAtNanos) / 1e6;
            busy = compiled - compiledMillis > BUSY_SHARE * wallMillis;
            readAtNanos = now;
            compiledMillis = compiled;
        }
        return busy;
    }
}
