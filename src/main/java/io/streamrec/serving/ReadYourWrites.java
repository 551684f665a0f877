package io.streamrec.serving;

import io.javalin.http.Context;
import io.streamrec.stores.StoredList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code after=<event id>&waitMs=1000} on a lookup: answer only once the user's list reflects
 * that event, i.e. was refreshed after it, or 504 when it does not within waitMs. Within a
 * partition events are learned in offset order, so a list whose newest event sits on the same
 * partition at the same or a later offset reflects it. A waiting request holds no thread: one
 * shared timer re-reads the store every few milliseconds until the deadline.
 */
final class ReadYourWrites implements AutoCloseable {
    static final String AFTER = "after";
    static final String WAIT_MS = "waitMs";
    static final int MAX_WAIT_MS = 10_000;
    static final int DEFAULT_WAIT_MS = 1_000;
    /** A store read costs microseconds; the refresh debounce (100 ms by default) dominates the wait anyway. */
    private static final long POLL_MS = 5;

    /** The parsed parameters of a waiting lookup. */
    record Wait(EventId after, int waitMs) {
        boolean reflectedBy(StoredList list) {
            if (list == null) {
                return false;
            }
            StoredListView view = StoredListView.of(list);
            return view.lastEventPartition() == after.partition() && view.lastEventOffset() >= after.offset();
        }
    }

    private final String topic;
    /** The partitions of the interactions topic; 0 while unknown (then any partition is taken). */
    private final IntSupplier partitions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "streamrec-read-your-writes");
        thread.setDaemon(true);
        return thread;
    });

    ReadYourWrites(String interactionsTopic, IntSupplier partitions) {
        this.topic = interactionsTopic;
        this.partitions = partitions;
    }

    /** The wait a request asks for, null when it has no {@code after}; 400 for a malformed one. */
    Wait parse(Context ctx) {
        String after = ctx.queryParam(AFTER);
        int waitMs = QueryParams.intParam(ctx, WAIT_MS, DEFAULT_WAIT_MS, 0, MAX_WAIT_MS);
        if (after == null || after.isBlank()) {
            ApiError.check(ctx.queryParam(WAIT_MS) == null, "waitMs needs after=<event id> to wait for");
            return null;
        }
        EventId event = EventId.parse(after.trim(), topic);
        // No event can ever land on a partition the topic does not have: waiting would only end in a 504.
        int count = partitions.getAsInt();
        ApiError.check(count <= 0 || event.partition() < count, "after names partition " + event.partition()
                + ", but topic '" + topic + "' has partitions 0.." + (count - 1));
        return new Wait(event, waitMs);
    }

    /**
     * Completes with the user's list once it reflects the awaited event; fails with a 504 at the
     * deadline, or with whatever reading the store throws (a 503 while it moves).
     */
    CompletableFuture<StoredList> await(String user, Wait wait, Supplier<StoredList> read) {
        CompletableFuture<StoredList> answer = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait.waitMs());
        Runnable check = new Runnable() {
            @Override
            public void run() {
                try {
                    StoredList list = read.get();
                    if (wait.reflectedBy(list)) {
                        answer.complete(list);
                    } else if (System.nanoTime() >= deadline) {
                        answer.completeExceptionally(notInTime(user, wait, list));
                    } else {
                        timer.schedule(this, POLL_MS, TimeUnit.MILLISECONDS);
                    }
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        };
        check.run();
        return answer;
    }

    private static ApiError notInTime(String user, Wait wait, StoredList list) {
        StoredListView view = list == null ? null : StoredListView.of(list);
        String current = view == null ? "it has no list yet"
                : "its list reflects events up to " + wait.after().topic() + "-" + view.lastEventPartition() + "-"
                + view.lastEventOffset();
        return new ApiError(504, "the list of user " + user + " does not reflect event " + wait.after().id()
                + " after " + wait.waitMs() + " ms (" + current + "); retry, or wait longer with waitMs up to "
                + MAX_WAIT_MS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
