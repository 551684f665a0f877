package io.streamrec.model.ranker;

import java.nio.ByteBuffer;

/**
 * What one user picked among the candidates of that moment: the features of the picked item
 * first, then those of candidates they did not pick, {@link RankerFeatures#COUNT} values each.
 */
public record RankingExample(float[] rows, int candidates) {
    /** Written first in the bytes: examples of another feature layout are refused, not misread. */
    static final int FORMAT = 1;

    public RankingExample {
        if (candidates < 2 || rows.length != candidates * RankerFeatures.COUNT) {
            throw new IllegalArgumentException("an example needs the pick and at least one other candidate, "
                    + RankerFeatures.COUNT + " features each");
        }
    }

    /** The format, the feature count, the candidates and their features, for the examples topic. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(12 + 4 * rows.length);
        buffer.putInt(FORMAT).putInt(RankerFeatures.COUNT).putInt(candidates);
        for (float value : rows) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /** Reads {@link #toBytes()}; refuses another format or feature count, and a truncated or padded value. */
    public static RankingExample fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            throw new IllegalArgumentException("a ranking example needs at least 12 bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int format = buffer.getInt();
        int features = buffer.getInt();
        int candidates = buffer.getInt();
        if (format != FORMAT || features != RankerFeatures.COUNT) {
            throw new IllegalArgumentException("a ranking example of format " + format + " with " + features
                    + " features; this build reads format " + FORMAT + " with " + RankerFeatures.COUNT);
        }
        if (candidates < 2 || bytes.length != 12 + 4L * candidates * features) {
            throw new IllegalArgumentException("a ranking example of " + candidates + " candidates needs "
                    + (12 + 4L * candidates * features) + " bytes, got " + bytes.length);
        }
        float[] rows = new float[candidates * features];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = buffer.getFloat();
        }
        return new RankingExample(rows, candidates);
    }
}
