package io.streamrec.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** A serde reads records of the schemas it knows besides its own, by the fingerprint in each record. */
class SchemaResolutionTest {
    /** Interaction as a later release might write it: one field added, with a default. */
    private static final Schema NEWER = new Schema.Parser().parse(AvroSerdes.INTERACTION.schema().toString()
            .replaceFirst("]}$", ",{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}]}"));

    @Test
    void everyReleasedSchemaIsKnownToTheSerdeOfItsRecordType() {
        for (String name : SchemaFiles.written().keySet()) {
            for (Schema released : ReleasedSchemas.of(name)) {
                assertThat(released.getName()).isEqualTo(name);
            }
        }
        assertThat(ReleasedSchemas.of("Interaction")).as("Interaction shipped in the first release").isNotEmpty();
    }

    @Test
    void aConsumerGivenANewerReleasesSchemaReadsItsRecordsWithoutTheAddedField() throws Exception {
        assertThat(NEWER.getFields()).hasSize(Interaction.getClassSchema().getFields().size() + 1);
        byte[] written = newerEvent();

        assertThatThrownBy(() -> AvroSerdes.INTERACTION.decode(written)).isInstanceOf(AvroRuntimeException.class)
                .hasMessageContaining(String.valueOf(SchemaNormalization.parsingFingerprint64(NEWER)));
        Interaction read = AvroSerde.of(Interaction.class, List.of(NEWER)).decode(written);

        assertThat(read.getUser()).isEqualTo("u-7");
        assertThat(read.getType()).isEqualTo(EventType.PURCHASE);
        assertThat(read.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(read.getSession()).isEqualTo("s-1");
    }

    @Test
    void aRecordOlderThanTheCurrentSchemaIsReEncodedInItOnlyWhenItIsNotAlreadyCurrent() throws Exception {
        Interaction event = Interaction.newBuilder().setUser("u").setItem("i").setType(EventType.VIEW)
                .setTimestamp(Instant.ofEpochMilli(5)).build();
        byte[] current = AvroSerdes.INTERACTION.encode(event);
        assertThat(AvroSerdes.INTERACTION.inCurrentSchema(current)).isSameAs(current);

        // Seen from a release whose current schema is NEWER, today's records are the older ones.
        byte[] upgraded = AvroSerde.of(Interaction.class, List.of(NEWER)).inCurrentSchema(newerEvent());
        assertThat(AvroSerdes.INTERACTION.hasHeader(upgraded)).isTrue();
        assertThat(AvroSerdes.INTERACTION.decode(upgraded).getItem()).isEqualTo("i-3");
    }

    private static byte[] newerEvent() throws java.io.IOException {
        GenericRecord event = new GenericData.Record(NEWER);
        event.put("user", "u-7");
        event.put("item", "i-3");
        event.put("type", new GenericData.EnumSymbol(NEWER.getField("type").schema(), "PURCHASE"));
        event.put("timestamp", 1_700_000_000_000L);
        event.put("session", "s-1");
        event.put("channel", "app");
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), NEWER).encode(event);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
