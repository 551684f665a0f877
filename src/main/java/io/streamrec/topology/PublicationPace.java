package io.streamrec.topology;

import org.apache.kafka.streams.processor.Punctuator;

/**
 * Which item publish intervals publish: every one while the input keeps up, and while it is
 * behind one in every {@code behindIntervalMs / intervalMs}. A publication's work is fixed by the
 * items that changed, not by the events that changed them (each changed item is summed, rewritten
 * with its neighbours, and decoded again by every instance's index, up to the whole catalogue per
 * publication), so publishing less often spreads that work over more events and leaves the cores
 * to learning. Nothing is dropped: what items are owed keeps summing until the next publication,
 * which applies it all. Meanwhile other users' events reach lists later; a user's own do not wait.
 * Counted in intervals, not measured in time, so a punctuation a little early never skips one.
 */
final class PublicationPace {
    private final InputLoad load;
    private final long stretch;
    private long skipped;

    PublicationPace(InputLoad load, RefreshPolicy policy) {
        this.load = load;
        this.stretch = Math.max(1, Math.round((double) policy.itemPublishIntervalBehindMs()
                / policy.itemPublishIntervalMs()));
    }

    /** A punctuator for every publish interval that runs {@code publication} on the intervals that publish. */
    Punctuator paced(Runnable publication) {
        return now -> {
            if (due()) {
                publication.run();
            }
        };
    }

    /** Asked once per publish interval: whether this one publishes. */
    boolean due() {
        if (!load.behind() || ++skipped >= stretch) {
            skipped = 0;
            return true;
        }
        return false;
    }
}
