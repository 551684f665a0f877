package io.streamrec.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps a command alive until Ctrl-C (or for a fixed duration), then closes what it started. */
final class ServeUntilStopped {
    private ServeUntilStopped() {}

    /** How long Ctrl-C waits for the resources to close before the JVM exits regardless. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    /**
     * Waits, then closes {@code resources} in order. On Ctrl-C the shutdown hook waits for them to
     * close: the JVM does not wait for this thread by itself, and what the resources remove on
     * close (temporary state and broker folders) would stay behind.
     */
    static void await(Duration duration, AutoCloseable... resources) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "streamrec-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            if (duration == null) {
                stopped.await();
            } else {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            // An embedding program (or a test) stops the command by interrupting it: close as on Ctrl-C.
            interrupted = true;
        } finally {
            try {
                for (AutoCloseable resource : resources) {
                    resource.close();
                }
            } finally {
                closed.countDown();
                // Stopped by the duration or an interrupt: the hook is not needed any more (and would pile up).
                removeHook(hook);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Removes a shutdown hook, unless the JVM is already shutting down (and running it). */
    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run: nothing to remove.
        }
    }

    /** Parses 30s, 5m, 2h or plain milliseconds. */
    static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofMillis(Long.parseLong(t));
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("duration must look like 30s, 5m, 2h or 500ms, was '" + text + "'");
        }
    }
}
