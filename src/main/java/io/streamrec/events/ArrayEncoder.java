package io.streamrec.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;

/**
 * Avro's binary encoding written straight into a growable array that is reused record after
 * record. Avro's buffered encoder copies through a buffer of its own into a stream, and writes a
 * String char by char (with a check per char for non-ASCII); here a String is encoded by the
 * JDK, whose ASCII check and copy are vectorised. The bytes must be exactly Avro's binary
 * encoding: readers decode them with Avro's own decoder.
 */
final class ArrayEncoder extends BinaryEncoder {
    private byte[] bytes = new byte[4096];
    private int size;

    void reset() {
        size = 0;
    }

    /** What was written since the last reset. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void writeString(String string) {
        if (string.isEmpty()) {
            writeZero();
            return;
        }
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        writeFixed(utf8, 0, utf8.length);
    }

    @Override
    public void writeBoolean(boolean b) {
        ensure(1);
        size += BinaryData.encodeBoolean(b, bytes, size);
    }

    @Override
    public void writeInt(int n) {
        ensure(5);
        size += BinaryData.encodeInt(n, bytes, size);
    }

    @Override
    public void writeLong(long n) {
        ensure(10);
        size += BinaryData.encodeLong(n, bytes, size);
    }

    @Override
    public void writeFloat(float f) {
        ensure(4);
        size += BinaryData.encodeFloat(f, bytes, size);
    }

    @Override
    public void writeDouble(double d) {
        ensure(8);
        size += BinaryData.encodeDouble(d, bytes, size);
    }

    @Override
    public void writeFixed(byte[] from, int start, int length) {
        ensure(length);
        System.arraycopy(from, start, bytes, size, length);
        size += length;
    }

    @Override
    protected void writeZero() {
        ensure(1);
        bytes[size++] = 0;
    }

    /** Nothing waits in a buffer: every write lands in the array. */
    @Override
    public int bytesBuffered() {
        return 0;
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}
