package io.streamrec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One streamrec command run through the real entry point ({@link Main#commandLine()}) on a thread
 * of its own, its standard output and error captured: what a newcomer would type, in a test. A
 * long-running command (broker, run, demo) is stopped by an interrupt, which it treats as Ctrl-C.
 */
final class RunningCommand implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> exit;

    private RunningCommand(String... args) {
        exit = thread.submit(() -> Main.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args));
    }

    static RunningCommand start(String... args) {
        return new RunningCommand(args);
    }

    /** Runs a command to its end and returns it, its exit code in {@link #exitCode()}. */
    static RunningCommand run(Duration timeout, String... args) throws Exception {
        RunningCommand command = start(args);
        command.awaitExit(timeout);
        return command;
    }

    String out() {
        synchronized (out) {
            return out.toString();
        }
    }

    String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    /** The first group of {@code pattern} once it appears on standard output; fails after {@code timeout}. */
    String awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher matcher = pattern.matcher(out());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (exit.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("no " + pattern + " on standard output" + (exit.isDone() ? " (exited)" : "")
                        + "; out: " + out() + "\nerr: " + err());
            }
            Thread.sleep(100);
        }
    }

    int awaitExit(Duration timeout) throws Exception {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + timeout + "; out: " + out() + "\nerr: " + err(), e);
        } catch (ExecutionException e) {
            throw new AssertionError("failed; out: " + out() + "\nerr: " + err(), e.getCause());
        }
    }

    int exitCode() throws Exception {
        return awaitExit(Duration.ZERO);
    }

    /** Stops the command as Ctrl-C would and returns its exit code. */
    int stop() throws Exception {
        thread.shutdownNow();
        return awaitExit(Duration.ofSeconds(90));
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
        thread.shutdown();
    }
}
