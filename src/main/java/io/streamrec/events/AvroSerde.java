package io.streamrec.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (a 2-byte marker, the schema's 8-byte fingerprint, then the
 * binary record) as a Kafka serde: any Avro library can produce it, no registry server needed.
 * A null value is a tombstone both ways.
 *
 * <p>Decoding reads records of the current schema and of every released one
 * ({@link ReleasedSchemas}): a record written by an older release is resolved to the current
 * schema by Avro's rules (fields added since take their defaults). Anything else, e.g. a record
 * of a newer release not known here, is refused with Avro's reason.
 *
 * <p>Encoding writes the same bytes as Avro's {@code BinaryMessageEncoder}, but into a
 * per-thread {@link ArrayEncoder} that is reused, with the generated classes' own field-by-field
 * writers (Avro's "custom coders"). Avro's message encoder writes every field straight to a
 * synchronized stream and copies the result twice, and this runs for every list and every event's
 * owed deltas. The bytes must stay exactly single-object encoding: consumers decode them with Avro.
 *
 * <p>Decoding a record of the current schema reads the array in place with a reused buffered
 * {@link BinaryDecoder}. Avro's message decoder reads the body through an input stream a byte at a
 * time ({@code DirectBinaryDecoder}), which made decoding an item's state (200 neighbours) most of
 * the item index's work. Records of other schemas still go through it, for its resolution.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    /** The marker and the fingerprint before every record's binary. */
    public static final int HEADER_LENGTH = 10;
    private static final ThreadLocal<ArrayEncoder> ENCODER = ThreadLocal.withInitial(ArrayEncoder::new);
    /** Per thread, the decoder last used, re-aimed at each record's bytes. */
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();
    private final Schema schema;
    private final byte[] header;
    private final DatumWriter<T> writer;
    /** Reads the body of a record of the current schema; shared by threads as the message decoder shares its own. */
    private final DatumReader<T> reader;
    private final BinaryMessageDecoder<T> decoder;

    private AvroSerde(Schema schema, SpecificData model, SchemaStore released) {
        this.schema = schema;
        this.header = header(schema);
        this.writer = model.createDatumWriter(schema);
        this.reader = model.createDatumReader(schema);
        // One decoder, reused: it keeps a resolving reader per writer fingerprint it has met, and
        // the current schema's, the one nearly every record has, costs no more than before.
        this.decoder = new BinaryMessageDecoder<>(model, schema, released);
    }

    /**
     * The serde of a generated class, with its schema and its model (which knows its logical
     * types), decoding every released version of the schema of the same name too.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return of(type, List.of());
    }

    /**
     * {@link #of(Class)}, also decoding records of {@code newer} schemas: a consumer on this
     * release reads what a later one writes, given that release's schemas (its
     * {@code schemas/standalone/}); fields it added are skipped.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, Collection<Schema> newer) {
        SpecificData model = SpecificData.getForClass(type);
        model.setCustomCoders(true);
        SchemaStore.Cache known = new SchemaStore.Cache();
        ReleasedSchemas.of(type.getSimpleName()).forEach(known::addSchema);
        newer.forEach(known::addSchema);
        return new AvroSerde<>(model.getSchema(type), model, known);
    }

    /** The schema records are written with: this build's. */
    public Schema schema() {
        return schema;
    }

    /** The single-object marker and the little-endian CRC-64-AVRO fingerprint of the schema. */
    private static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byte[] header = new byte[HEADER_LENGTH];
        header[0] = (byte) 0xC3;
        header[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    /** Whether {@code bytes} start as this serde's records do: the marker and this schema's fingerprint. */
    public boolean hasHeader(byte[] bytes) {
        return bytes.length >= HEADER_LENGTH && Arrays.equals(bytes, 0, HEADER_LENGTH, header, 0, HEADER_LENGTH);
    }

    public byte[] encode(T record) {
        if (record == null) {
            return null;
        }
        ArrayEncoder encoder = ENCODER.get();
        encoder.reset();
        encoder.writeFixed(header, 0, header.length);
        try {
            writer.write(record, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encoder.toByteArray();
    }

    /**
     * @throws IOException with Avro's reason when the body does not decode
     * @throws org.apache.avro.AvroRuntimeException when the header is not single-object encoding, or names
     *     a schema that is neither this one nor a released one (e.g. a newer release's)
     */
    public T decode(byte[] bytes) throws IOException {
        if (bytes == null) {
            return null;
        }
        if (!hasHeader(bytes)) {
            return decoder.decode(bytes);
        }
        BinaryDecoder body = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH,
                DECODER.get());
        DECODER.set(body);
        return reader.read(null, body);
    }

    /**
     * The record in the current schema: {@code bytes} themselves when written with it, re-encoded
     * when an older release wrote them. For readers of the raw bytes, which know one layout only.
     *
     * @throws IOException as {@link #decode} does, and {@code AvroRuntimeException} likewise
     */
    public byte[] inCurrentSchema(byte[] bytes) throws IOException {
        return bytes == null || hasHeader(bytes) ? bytes : encode(decode(bytes));
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
