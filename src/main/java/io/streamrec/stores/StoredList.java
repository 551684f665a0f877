package io.streamrec.stores;

import io.streamrec.avro.Recommendations;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A user's list as the recommendations store and topic hold it: the Avro single-object bytes of
 * a {@link Recommendations}, encoded once per refresh (for the store, its changelog and the
 * topic alike) and decoded only by whoever needs the objects. A lookup renders the bytes as
 * they are: decoding a 50-item list into records and strings was a quarter of what a lookup
 * allocated. The bytes are never mutated (RocksDB and the producer copy them).
 */
public final class StoredList {
    /** The store's and the topic's value serde; a null value is a tombstone both ways. */
    public static final Serde<StoredList> SERDE = new Serde<>() {
        @Override
        public Serializer<StoredList> serializer() {
            return (topic, list) -> list == null ? null : list.bytes;
        }

        @Override
        public Deserializer<StoredList> deserializer() {
            return (topic, bytes) -> bytes == null ? null : new StoredList(bytes);
        }
    };

    private final byte[] bytes;

    private StoredList(byte[] bytes) {
        this.bytes = bytes;
    }

    public static StoredList of(Recommendations list) {
        return new StoredList(AvroSerdes.RECOMMENDATIONS.encode(list));
    }

    /** The single-object encoding; shared, never to be written to. */
    public byte[] bytes() {
        return bytes;
    }

    public Recommendations decode() {
        try {
            return AvroSerdes.RECOMMENDATIONS.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored list does not decode: " + e.getMessage(), e);
        }
    }

    /** {@code list.decode()}, null for null. */
    public static Recommendations decode(StoredList list) {
        return list == null ? null : list.decode();
    }
}
