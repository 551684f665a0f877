package io.streamrec.topology;

import io.streamrec.avro.OwedDeltas;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link DeltaLog} record: deltas owed, and the drain they wait for. Stored as a marker byte,
 * the drain (8 bytes) and the deltas' Avro record. A value that starts as an Avro record instead
 * was written by a release that deleted each record when it was sent: it is owed until deleted
 * ({@link #UNNUMBERED}).
 */
record OwedRecord(long drain, OwedDeltas deltas) {
    /** The drain of a record written before drains were numbered. */
    static final long UNNUMBERED = Long.MIN_VALUE;
    private static final byte MARKER = 0;
    private static final int PREFIX = 1 + Long.BYTES;

    static final Serde<OwedRecord> SERDE = Serdes.serdeFrom(serializer(), deserializer());

    private static Serializer<OwedRecord> serializer() {
        return (topic, record) -> {
            if (record == null) {
                return null;
            }
            byte[] deltas = AvroSerdes.OWED_DELTAS.encode(record.deltas());
            return ByteBuffer.allocate(PREFIX + deltas.length).put(MARKER).putLong(record.drain()).put(deltas)
                    .array();
        };
    }

    private static Deserializer<OwedRecord> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                if (bytes.length > 0 && bytes[0] == MARKER) {
                    long drain = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
                    return new OwedRecord(drain, AvroSerdes.OWED_DELTAS.decode(Arrays.copyOfRange(bytes, PREFIX,
                            bytes.length)));
                }
                return new OwedRecord(UNNUMBERED, AvroSerdes.OWED_DELTAS.decode(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode " + topic + " record: " + e.getMessage(), e);
            }
        };
    }
}
