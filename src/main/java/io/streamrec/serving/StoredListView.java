package io.streamrec.serving;

import io.streamrec.events.AvroSerde;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.BusinessRules;
import io.streamrec.model.ItemIndex;
import io.streamrec.topology.StoredList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a {@link StoredList} where it lies, its Avro binary walked field by field, and renders
 * the lookup's answer from it: the JSON a {@link ListResponse} of the stored list rendered,
 * without a record, a string or a boxed score per item. At 5,000 lookups/s the garbage of decoding the
 * list set how often young collections paused every request. One view per HTTP thread, reused.
 */
final class StoredListView {
    private static final ThreadLocal<StoredListView> PER_THREAD = ThreadLocal.withInitial(StoredListView::new);

    private byte[] in;
    private int position;
    private int userAt;
    /** Where each item record starts. */
    private int[] itemAt = new int[64];
    private int size;
    /** Where the fields after the items (personalized, modelVersion, ...) start. */
    private int tailAt;
    private int[] admitted = new int[64];
    private int admittedCount;

    /** This thread's view, over {@code list}; valid until this thread reads its next list. */
    static StoredListView of(StoredList list) {
        StoredListView view = PER_THREAD.get();
        view.read(list.bytes());
        return view;
    }

    private void read(byte[] bytes) {
        if (!AvroSerdes.RECOMMENDATIONS.hasHeader(bytes)) {
            throw new UncheckedIOException(new IOException("a stored list is not a Recommendations record of this version"));
        }
        in = bytes;
        position = AvroSerde.HEADER_LENGTH;
        userAt = position;
        skipString();
        size = 0;
        admittedCount = 0;
        for (long block = readLong(); block != 0; block = readLong()) {
            if (block < 0) {
                block = -block;
                readLong(); // the block's size in bytes
            }
            for (long k = 0; k < block; k++) {
                if (size == itemAt.length) {
                    itemAt = Arrays.copyOf(itemAt, 2 * size);
                    admitted = Arrays.copyOf(admitted, 2 * size);
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

    int size() {
        return size;
    }

    /**
     * Marks the first {@code n} items the rules admit at {@code now} (an item the index no longer
     * holds never is), in one read pass over the index; whether they answer the lookup: the
     * stored list answers when every item passes or at least {@code n} do, as in
     * {@link RecommendationsResource}.
     */
    boolean admit(ItemIndex index, BusinessRules rules, int n, long now) {
        admittedCount = 0;
        return index.read(snapshot -> {
            for (int i = 0; i < size && admittedCount < n; i++) {
                int slot = snapshot.slot(item(i));
                if (slot >= 0 && rules.admits(snapshot.entry(slot), now)) {
                    admitted[admittedCount++] = i;
                }
            }
            return admittedCount >= Math.min(n, size);
        });
    }

    /** The partition of {@code interactions} holding the newest event the list reflects. */
    int lastEventPartition() {
        skipToEventPosition();
        return (int) readLong();
    }

    /** That event's offset. */
    long lastEventOffset() {
        skipToEventPosition();
        readLong();
        return readLong();
    }

    private void skipToEventPosition() {
        position = tailAt + 1;
        skipString(); // modelVersion
        readLong(); // generatedAt
        readLong(); // lastEventTimestamp
    }

    /** The id of the i-th item. */
    String item(int i) {
        position = itemAt[i];
        int length = (int) readLong();
        return new String(in, position, length, StandardCharsets.UTF_8);
    }

    /** The answer of {@link #admit}'s items, as {@code JsonAnswer} wrote the stored list's {@link ListResponse}. */
    JsonBytes json() {
        JsonBytes out = JsonBytes.forThisThread();
        position = userAt;
        out.raw("{").name("user");
        string(out);
        position = tailAt;
        boolean personalized = in[position++] != 0;
        out.raw(",").name("personalized").bool(personalized).raw(",").name("items").raw("[");
        for (int k = 0; k < admittedCount; k++) {
            position = itemAt[admitted[k]];
            out.raw(k == 0 ? "{" : ",{").name("item");
            string(out);
            out.raw(",").name("score").number(Double.longBitsToDouble(littleEndianLong(in, position)));
            position += Double.BYTES;
            out.raw(",").name("reason");
            string(out);
            out.raw(",").name("source");
            string(out);
            out.raw("}");
        }
        position = tailAt + 1;
        out.raw("],").name("modelVersion");
        string(out);
        out.raw(",").name("generatedAt").number(readLong());
        out.raw(",").name("lastEventTimestamp").number(readLong());
        out.raw(",").name("lastEventPartition").number(readLong());
        out.raw(",").name("lastEventOffset").number(readLong());
        out.raw(",").name("eventsSeen").number(readLong());
        return out.raw("}");
    }

    private void string(JsonBytes out) {
        int length = (int) readLong();
        out.string(in, position, length);
        position += length;
    }

    private void skipString() {
        int length = (int) readLong();
        position += length;
    }

    /** Avro's zig-zag variable-length long (ints are encoded the same way). */
    private long readLong() {
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

    private static long littleEndianLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
