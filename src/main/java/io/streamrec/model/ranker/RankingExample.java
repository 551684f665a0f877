package io.streamrec.model.ranker;

import java.nio.ByteBuffer;

/**
 * What one user picked among the candidates of that moment: the features of the picked item
 * first, then those of candidates they did not pick, {@link RankerFeatures#COUNT} values each.
 * Or, for a user with no history, no features but the {@link PopularityOrder}s that had the pick
 * in the first n of their list ({@link #newUserPick}): what new users' lists learn from.
 *
 * @param newUserOrders for a new user's pick, the {@link PopularityOrder#bit()}s of the orders it
 *                      hit (at least one); 0 for a ranking example
 */
public record RankingExample(float[] rows, int candidates, int newUserOrders) {
    /**
     * Written first in the bytes: examples of another layout are refused, not misread. Format 1
     * had no new-user orders.
     */
    static final int FORMAT = 2;
    private static final int HEADER = 16;

    public RankingExample {
        boolean newUserPick = candidates == 0 && rows.length == 0 && newUserOrders > 0
                && newUserOrders < 1 << PopularityOrder.values().length;
        boolean ranking = candidates >= 2 && rows.length == candidates * RankerFeatures.COUNT && newUserOrders == 0;
        if (!newUserPick && !ranking) {
            throw new IllegalArgumentException("an example needs the pick and at least one other candidate, "
                    + RankerFeatures.COUNT + " features each, or a new user's pick with the orders it hit");
        }
    }

    /** A ranking example: the pick's features, then the others'. */
    public RankingExample(float[] rows, int candidates) {
        this(rows, candidates, 0);
    }

    /** A new user's pick, which the orders in {@code orders} had in the first n of their list. */
    public static RankingExample newUserPick(int orders) {
        return new RankingExample(new float[0], 0, orders);
    }

    public boolean isNewUserPick() {
        return newUserOrders != 0;
    }

    /** The format, the feature count, the candidates, the new-user orders and the features, for the examples topic. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + 4 * rows.length);
        buffer.putInt(FORMAT).putInt(RankerFeatures.COUNT).putInt(candidates).putInt(newUserOrders);
        for (float value : rows) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /** Reads {@link #toBytes()}; refuses another format or feature count, and a truncated or padded value. */
    public static RankingExample fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER) {
            throw new IllegalArgumentException("a ranking example needs at least " + HEADER + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int format = buffer.getInt();
        int features = buffer.getInt();
        int candidates = buffer.getInt();
        int newUserOrders = buffer.getInt();
        if (format != FORMAT || features != RankerFeatures.COUNT) {
            throw new IllegalArgumentException("a ranking example of format " + format + " with " + features
                    + " features; this build reads format " + FORMAT + " with " + RankerFeatures.COUNT);
        }
        long expected = HEADER + 4L * candidates * features;
        if (candidates < 0 || bytes.length != expected) {
            throw new IllegalArgumentException("a ranking example of " + candidates + " candidates needs "
                    + expected + " bytes, got " + bytes.length);
        }
        float[] rows = new float[candidates * features];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = buffer.getFloat();
        }
        return new RankingExample(rows, candidates, newUserOrders);
    }
}
