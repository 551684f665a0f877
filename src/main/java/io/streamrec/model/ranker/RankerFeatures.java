package io.streamrec.model.ranker;

import java.util.List;

/**
 * What the learned ranker knows of one candidate in one list, each value in [0, 1] and relative
 * to the list's other candidates or to the user, so that the same weights mean the same thing on
 * a log of ratings and on a log of clicks. The first four are the fixed blend's signals, so a
 * linear ranker over them with the blend weights ranks exactly as the blend does.
 */
public final class RankerFeatures {
    /** Embedding score, min-max over the list. */
    public static final int EMBEDDING = 0;
    /** Co-visitation with the user's recent items (recency-weighted), over the list's largest. */
    public static final int COVISITATION = 1;
    /** Decayed popularity, over the list's largest. */
    public static final int POPULARITY = 2;
    /** Content similarity to the user's recent items, over the list's largest. */
    public static final int CONTENT = 3;
    /** Co-visitation with the user's newest item alone, over the list's largest: what the user does right now. */
    public static final int COVISITATION_NEWEST = 4;
    /** log(1 + popularity) over log(1 + the list's largest): popularity with its long tail compressed. */
    public static final int LOG_POPULARITY = 5;
    /** log(1 + distinct users) over log(1 + the list's largest): how much interaction evidence the item has. */
    public static final int LOG_USERS = 6;
    /** How much the user has done, log(1 + events) / (1 + log(1 + events)): few events lean on popularity. */
    public static final int USER_ACTIVITY = 7;
    public static final int COUNT = 8;

    public static final List<String> NAMES = List.of("embedding", "covisitation", "popularity", "content",
            "covisitation_newest", "log_popularity", "log_users", "user_activity");

    private RankerFeatures() {
    }

    /** The user-activity feature for a user with {@code events} learned events. */
    public static float userActivity(long events) {
        double log = Math.log(1 + Math.max(0, events));
        return (float) (log / (1 + log));
    }

    /** {@code value} over {@code max}, 0 when the max is not positive. */
    public static float relative(double value, double max) {
        return max > 0 ? (float) (value / max) : 0f;
    }

    /**
     * log(1 + value) over {@code logOfMax}, log(1 + the list's largest value), 0 when that is not
     * positive. {@link Math#log} rather than log1p: an intrinsic, and the values are counts, not
     * tiny fractions.
     */
    public static float logRelative(double value, double logOfMax) {
        return logOfMax > 0 ? (float) (Math.log(1 + Math.max(0, value)) / logOfMax) : 0f;
    }

    /** The denominator {@link #logRelative} takes for a list whose largest value is {@code max}. */
    public static double logOfMax(double max) {
        return Math.log(1 + Math.max(0, max));
    }
}
