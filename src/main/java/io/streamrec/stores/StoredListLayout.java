package io.streamrec.stores;

import io.streamrec.events.AvroSerde;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.AvroRuntimeException;

/**
 * Where the fields of a {@link StoredList} lie in its Avro binary, and a cursor to read them
 * there: the lookup renders its answer from the bytes, and the live test finds an item's rank,
 * without decoding the list into records and strings. Reusable: {@link #read} starts over on
 * another list.
 */
public final class StoredListLayout {
    private byte[] in;
    private int position;
    private int userAt;
    /** Where each item record starts. */
    private int[] itemAt = new int[64];
    private int size;
    /** Where the fields after the items (personalized, modelVersion, ...) start. */
    private int tailAt;

    /**
     * Lays out {@code bytes}, a stored list. The layout is the current schema's: a list an older
     * release stored (the header names its schema version) is re-encoded in the current schema
     * first, and {@link #bytes()} are then those.
     */
    public void read(byte[] bytes) {
        try {
            in = AvroSerdes.RECOMMENDATIONS.inCurrentSchema(bytes);
        } catch (IOException | AvroRuntimeException e) {
            throw new UncheckedIOException(new IOException("a stored list is not a Recommendations record of this "
                    + "version or a released one: " + e.getMessage(), e));
        }
        position = AvroSerde.HEADER_LENGTH;
        userAt = position;
        skipString();
        size = 0;
        for (long block = readLong(); block != 0; block = readLong()) {
            if (block < 0) {
                block = -block;
                readLong(); // the block's size in bytes
            }
            for (long k = 0; k < block; k++) {
                if (size == itemAt.length) {
                    itemAt = Arrays.copyOf(itemAt, 2 * size);
                }
                itemAt[size++] = position;
                skipString(); // item
                position += Double.BYTES; // score
                skipString(); // reason
                skipString(); // source
            }
        }
        tailAt = position;
    }

    /** The partition of {@code interactions} holding the newest event the list reflects. */
    public int lastEventPartition() {
        seekToLastEvent();
        return (int) readLong();
    }

    /** That event's offset. */
    public long lastEventOffset() {
        seekToLastEvent();
        readLong();
        return readLong();
    }

    private void seekToLastEvent() {
        seek(tailAt + 1); // past personalized
        skipString(); // modelVersion
        readLong(); // generatedAt
        readLong(); // lastEventTimestamp
    }

    /** The 1-based rank of {@code item} in the list, 0 when absent: ids compared as UTF-8 bytes. */
    public int rankOf(String item) {
        byte[] wanted = item.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < size; i++) {
            seek(itemAt[i]);
            int length = (int) readLong();
            if (Arrays.equals(in, position, position + length, wanted, 0, wanted.length)) {
                return i + 1;
            }
        }
        return 0;
    }

    public byte[] bytes() {
        return in;
    }

    public int size() {
        return size;
    }

    /** Where the i-th item record (its id first) starts. */
    public int itemAt(int i) {
        return itemAt[i];
    }

    /** Where the user id starts. */
    public int userAt() {
        return userAt;
    }

    /** Where the fields after the items start, {@code personalized} first. */
    public int tailAt() {
        return tailAt;
    }

    public int position() {
        return position;
    }

    public void seek(int at) {
        position = at;
    }

    public void skip(int bytes) {
        position += bytes;
    }

    public void skipString() {
        int length = (int) readLong();
        position += length;
    }

    /** Avro's zig-zag variable-length long (ints are encoded the same way). */
    public long readLong() {
        long raw = 0;
        int shift = 0;
        byte b;
        do {
            b = in[position++];
            raw |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Avro's double: eight bytes, little-endian. */
    public double readDouble() {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (in[position + i] & 0xFF);
        }
        position += Double.BYTES;
        return Double.longBitsToDouble(value);
    }

    public boolean readBoolean() {
        return in[position++] != 0;
    }
}
