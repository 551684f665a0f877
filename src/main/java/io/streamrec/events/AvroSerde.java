package io.streamrec.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (a 2-byte marker, the schema's 8-byte fingerprint, then the
 * binary record) as a Kafka serde: any Avro library can produce it, no registry server needed.
 * A null value is a tombstone both ways.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
    }

    public byte[] encode(T record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException with Avro's reason when the bytes are not a record of this schema */
    public T decode(byte[] bytes) throws IOException {
        return bytes == null ? null : decoder.decode(bytes);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode " + topic + " record: " + e.getMessage(), e);
            }
        };
    }
}
