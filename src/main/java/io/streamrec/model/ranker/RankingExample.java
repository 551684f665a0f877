package io.streamrec.model.ranker;

import java.nio.ByteBuffer;

/**
 * What one user picked among the candidates of that moment: the features of the picked item
 * first, then those of candidates they did not pick, {@link RankerFeatures#COUNT} values each.
 * Or, for a user with no history, no features but the {@link PopularityOrder}s that had the pick
 * in the first n of their list ({@link #newUserPick}): what new users' lists learn from. A pick by a
 * user with few events also carries which of their two possible lists held it ({@link YoungPick}),
 * with the ranking example when the pick was a candidate, alone when it was not.
 *
 * @param newUserOrders for a new user's pick, the {@link PopularityOrder#bit()}s of the orders it
 *                      hit (at least one); 0 otherwise
 * @param youngPick     {@link YoungPick#encode()}, or {@link YoungPick#NONE}
 */
public record RankingExample(float[] rows, int candidates, int newUserOrders, int youngPick) {
    /**
     * Written first in the bytes: examples of another layout are refused, not misread. Format 1
     * had no new-user orders, format 2 (still read) no young pick.
     */
    static final int FORMAT = 3;
    private static final int WITHOUT_YOUNG_PICK = 2;
    private static final int HEADER = 20;

    public RankingExample {
        boolean featureless = candidates == 0 && rows.length == 0;
        boolean newUserPick = featureless && newUserOrders > 0 && newUserOrders < 1 << PopularityOrder.values().length
                && youngPick == YoungPick.NONE;
        boolean youngOnly = featureless && newUserOrders == 0 && youngPick != YoungPick.NONE;
        boolean ranking = candidates >= 2 && rows.length == candidates * RankerFeatures.COUNT && newUserOrders == 0;
        if (!newUserPick && !youngOnly && !ranking) {
            throw new IllegalArgumentException("an example needs the pick and at least one other candidate, "
                    + RankerFeatures.COUNT + " features each, or a new user's pick with the orders it hit,"
                    + " or a young user's pick");
        }
        YoungPick.decode(youngPick);
    }

    /** A ranking example: the pick's features, then the others'. */
    public RankingExample(float[] rows, int candidates) {
        this(rows, candidates, 0, YoungPick.NONE);
    }

    /** A new user's pick, which the orders in {@code orders} had in the first n of their list. */
    public static RankingExample newUserPick(int orders) {
        return new RankingExample(new float[0], 0, orders, YoungPick.NONE);
    }

    /** A young user's pick that was not among their candidates: only which lists held it. */
    public static RankingExample youngPickOnly(YoungPick pick) {
        return new RankingExample(new float[0], 0, 0, pick.encode());
    }

    /** This ranking example with the young user's pick it also is. */
    public RankingExample withYoungPick(YoungPick pick) {
        return new RankingExample(rows, candidates, newUserOrders, pick.encode());
    }

    public boolean isNewUserPick() {
        return newUserOrders != 0;
    }

    /** Whether there are features to train on. */
    public boolean isRanking() {
        return candidates > 0;
    }

    /** The young user's pick this also is, or null. */
    public YoungPick young() {
        return YoungPick.decode(youngPick);
    }

    /**
     * The format, the feature count, the candidates, the new-user orders, the young pick and the
     * features, for the examples topic.
     */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + 4 * rows.length);
        buffer.putInt(FORMAT).putInt(RankerFeatures.COUNT).putInt(candidates).putInt(newUserOrders).putInt(youngPick);
        for (float value : rows) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /**
     * Reads {@link #toBytes()} of this format or format 2 (no young pick); refuses another format or
     * feature count, and a truncated or padded value.
     */
    public static RankingExample fromBytes(byte[] bytes) {
        int least = HEADER - 4;
        if (bytes == null || bytes.length < least) {
            throw new IllegalArgumentException("a ranking example needs at least " + least + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int format = buffer.getInt();
        int features = buffer.getInt();
        int candidates = buffer.getInt();
        int newUserOrders = buffer.getInt();
        if ((format != FORMAT && format != WITHOUT_YOUNG_PICK) || features != RankerFeatures.COUNT) {
            throw new IllegalArgumentException("a ranking example of format " + format + " with " + features
                    + " features; this build reads format " + FORMAT + " or " + WITHOUT_YOUNG_PICK + " with "
                    + RankerFeatures.COUNT);
        }
        long expected = (format == FORMAT ? HEADER : least) + 4L * candidates * features;
        if (candidates < 0 || bytes.length != expected) {
            throw new IllegalArgumentException("a ranking example of " + candidates + " candidates needs "
                    + expected + " bytes, got " + bytes.length);
        }
        int youngPick = format == FORMAT ? buffer.getInt() : YoungPick.NONE;
        float[] rows = new float[candidates * features];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = buffer.getFloat();
        }
        return new RankingExample(rows, candidates, newUserOrders, youngPick);
    }
}
