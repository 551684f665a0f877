package io.streamrec.evaluation;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs one task at a time on a second thread while the caller does its own share of a step, for
 * steps of a few tens of microseconds: both sides spin for a while before they yield or park, since
 * an executor's hand-off alone costs about as much as the work. A task's failure is thrown to the
 * caller by {@link #await}. The thread is a daemon that parks when idle, so an unused one costs nothing.
 */
final class SideThread {
    /**
     * Spins (a few microseconds) before a waiting side yields the core: while code warms up the
     * JIT's threads need it, and a side that spun longer kept them off it.
     */
    private static final int SPINS = 256;
    /** Yields before the idle side thread parks (about a millisecond). */
    private static final int YIELDS = 2_000;

    private final Thread thread;
    private volatile Runnable task;
    private volatile long submitted;
    private volatile long finished;
    private volatile boolean parked;
    private volatile Throwable failure;
    private volatile boolean stopped;

    SideThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code work} on the side thread; the previous task must have been awaited. */
    void submit(Runnable work) {
        task = work;
        submitted++;
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /** Ends the thread once it is idle; no task may be submitted after. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /** Waits for the task submitted last; rethrows what it threw. */
    void await() {
        long wanted = submitted;
        for (int spins = 0; finished < wanted; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable thrown = failure;
        if (thrown != null) {
            failure = null;
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(thrown);
        }
    }

    private void loop() {
        long done = 0;
        while (true) {
            for (int spins = 0; submitted == done; spins++) {
                if (stopped) {
                    return;
                }
                if (spins < SPINS) {
                    Thread.onSpinWait();
                } else if (spins < SPINS + YIELDS) {
                    Thread.yield();
                } else {
                    // Announce the park first, then look again: a submit in between sees the flag and unparks.
                    parked = true;
                    if (submitted == done) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    spins = 0;
                }
            }
            try {
                task.run();
            } catch (Throwable t) {
                failure = t;
            }
            finished = ++done;
        }
    }
}
