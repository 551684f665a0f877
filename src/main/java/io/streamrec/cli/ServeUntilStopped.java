package io.streamrec.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps a command alive until Ctrl-C (or for a fixed duration), then closes what it started. */
final class ServeUntilStopped {
    private ServeUntilStopped() {}

    static void await(Duration duration, AutoCloseable... resources) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "streamrec-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (duration == null) {
                stopped.await();
            } else {
                stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            for (AutoCloseable resource : resources) {
                resource.close();
            }
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
