package io.streamrec.model.sequence;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link SequenceSnapshot} as bytes, for a compacted topic: a header (magic, format, version,
 * dimensions), the items of rows 1.. as length-prefixed UTF-8, then each float array in the order
 * the snapshot lists them, big-endian. A reader refuses a foreign or newer format instead of
 * misreading it.
 */
public final class SnapshotCodec {
    /** "SEQM": a sequence model snapshot. */
    static final int MAGIC = 0x5345514D;
    static final short FORMAT = 1;

    private SnapshotCodec() {}

    public static byte[] encode(SequenceSnapshot s) {
        byte[][] names = new byte[s.items().length][];
        long size = 4 + 2 + 8 + 4 * 4;
        for (int r = 0; r < names.length; r++) {
            names[r] = s.items()[r].getBytes(StandardCharsets.UTF_8);
            size += 4 + names[r].length;
        }
        float[][] arrays = arrays(s);
        for (float[] a : arrays) {
            size += 4L * a.length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a snapshot of " + size + " bytes does not fit one array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(MAGIC).putShort(FORMAT).putLong(s.version())
                .putInt(s.embeddingDims()).putInt(s.hiddenDims()).putInt(s.length()).putInt(names.length);
        for (byte[] name : names) {
            out.putInt(name.length).put(name);
        }
        for (float[] a : arrays) {
            out.asFloatBuffer().put(a);
            out.position(out.position() + 4 * a.length);
        }
        return out.array();
    }

    /** @throws IllegalArgumentException for bytes that are not a snapshot of a known format, or are cut short */
    public static SequenceSnapshot decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a sequence model snapshot");
            }
            short format = in.getShort();
            if (format != FORMAT) {
                throw new IllegalArgumentException("sequence snapshot format " + format + " is not " + FORMAT);
            }
            long version = in.getLong();
            int e = positive(in.getInt(), "embedding dims");
            int h = positive(in.getInt(), "hidden dims");
            int length = positive(in.getInt(), "length");
            String[] items = new String[positive(in.getInt() + 1, "rows") - 1];
            for (int r = 0; r < items.length; r++) {
                byte[] name = new byte[in.getInt()];
                in.get(name);
                items[r] = new String(name, StandardCharsets.UTF_8);
            }
            int rows = items.length + 1;
            SequenceSnapshot s = new SequenceSnapshot(version, e, h, length, items, floats(in, (long) rows * e),
                    floats(in, 3L * e * h), floats(in, 3L * h * h), floats(in, 3L * h), floats(in, (long) rows * h),
                    floats(in, rows));
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the snapshot's last array");
            }
            return s;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("sequence snapshot cut short at byte " + in.position());
        }
    }

    private static float[][] arrays(SequenceSnapshot s) {
        return new float[][] {s.embedding(), s.inputWeights(), s.recurrentWeights(), s.gateBias(),
                s.outputEmbedding(), s.outputBias()};
    }

    private static float[] floats(ByteBuffer in, long count) {
        if (4 * count > in.remaining()) {
            throw new BufferUnderflowException();
        }
        float[] a = new float[(int) count];
        in.asFloatBuffer().get(a);
        in.position(in.position() + 4 * a.length);
        return a;
    }

    private static int positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException("sequence snapshot has " + value + " " + what);
        }
        return value;
    }
}
