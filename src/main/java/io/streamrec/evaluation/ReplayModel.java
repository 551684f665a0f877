package io.streamrec.evaluation;

import java.util.Map;

/**
 * A recommender as the prequential replay sees it: asked for a list, then told the event. The
 * streamrec adapter and every baseline implement it, so all are measured by the same loop.
 * Users and items are the dense ids of the {@link ReplayLog}.
 */
public interface ReplayModel extends AutoCloseable {

    String name();

    /** The settings that produced the figures, written to results.json. */
    Map<String, Object> params();

    /**
     * Up to {@code n} items, best first, none the user already interacted with; -1 stands for an
     * item the log never mentions (a catalogue-only item). Works for users without history.
     */
    int[] recommend(int user, int n, long now);

    /** Learns from one event; {@code newForUser} when the user never had this item before. */
    void learn(int user, int item, LoggedEvent event, boolean newForUser);

    /**
     * One event of the replay: when {@code test}, the list of {@link #recommend} from the state before
     * the event (else null), then the event learned. A model may overlap the two, as long as the list
     * never sees the event.
     */
    default int[] testThenLearn(int user, int item, LoggedEvent event, boolean newForUser, boolean test, int n) {
        int[] list = test ? recommend(user, n, event.timestamp()) : null;
        learn(user, item, event, newForUser);
        return list;
    }

    /** Stops whatever the model runs beside the replay (training threads); the baselines run nothing. */
    @Override
    default void close() {
    }
}
