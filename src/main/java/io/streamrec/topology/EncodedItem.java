package io.streamrec.topology;

import io.streamrec.avro.ItemVector;
import io.streamrec.events.AvroSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An item's state as `item-state` and its changelog hold it: the Avro single-object bytes of
 * an {@link ItemVector} (a vector and up to 200 neighbours, several KB), encoded once per change
 * for the store and its changelog alike. The bytes are never mutated (RocksDB and the producer
 * copy them).
 */
final class EncodedItem {
    /** The store's value serde; a null value is a tombstone both ways. */
    static final Serde<EncodedItem> SERDE = new Serde<>() {
        @Override
        public Serializer<EncodedItem> serializer() {
            return (topic, item) -> item == null ? null : item.bytes;
        }

        @Override
        public Deserializer<EncodedItem> deserializer() {
            return (topic, bytes) -> bytes == null ? null : new EncodedItem(bytes);
        }
    };

    private final byte[] bytes;

    private EncodedItem(byte[] bytes) {
        this.bytes = bytes;
    }

    static EncodedItem of(ItemVector state) {
        return new EncodedItem(AvroSerdes.ITEM_VECTOR.encode(state));
    }

    ItemVector decode() {
        try {
            return AvroSerdes.ITEM_VECTOR.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("an item's stored state does not decode: " + e.getMessage(), e);
        }
    }

    /** {@code item.decode()}, null for null. */
    static ItemVector decode(EncodedItem item) {
        return item == null ? null : item.decode();
    }
}
