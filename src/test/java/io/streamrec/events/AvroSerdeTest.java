package io.streamrec.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.avro.ItemDelta;
import io.streamrec.avro.ItemVector;
import io.streamrec.avro.Neighbour;
import io.streamrec.avro.OwedDeltas;
import io.streamrec.avro.RecommendedItem;
import io.streamrec.avro.Recommendations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Our encoder must write exactly what Avro's single-object encoder writes, for every shape of
 * record, and our decoder read what Avro's message decoder reads.
 */
class AvroSerdeTest {
    /** Loading the serdes first tells Avro to trust the generated classes, which the builders need. */
    private static final AvroSerde<Interaction> EVENTS = AvroSerdes.INTERACTION;

    @Test
    void eventsWithAndWithoutOptionalFieldsEncodeAsAvroDoes() throws IOException {
        Interaction plain = Interaction.newBuilder().setUser("user-1").setItem("item-ü").setType(EventType.VIEW)
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_123L)).build();
        Interaction rated = Interaction.newBuilder(plain).setType(EventType.RATING).setValue(4.5).setSession("s-9").build();

        assertSameAsAvro(EVENTS, plain);
        assertSameAsAvro(EVENTS, rated);
    }

    @Test
    void aFullListEncodesAsAvroDoes() throws IOException {
        List<RecommendedItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(new RecommendedItem("item-" + i, 1.0 / (i + 1), "because you viewed item-" + (i * 7), "covisitation"));
        }
        Recommendations list = Recommendations.newBuilder().setUser("user-42").setItems(items).setPersonalized(true)
                .setModelVersion("v").setGeneratedAt(Instant.ofEpochMilli(2_000)).setLastEventTimestamp(Instant.ofEpochMilli(1_000))
                .setLastEventPartition(3).setLastEventOffset(123_456_789L).setEventsSeen(17).build();

        assertSameAsAvro(AvroSerdes.RECOMMENDATIONS, list);
    }

    @Test
    void stringsBeyondAsciiEncodeAsAvroDoes() throws IOException {
        List<RecommendedItem> items = new ArrayList<>();
        for (String title : List.of("", "café", "Ā", "日本の映画", "a \uD83C\uDFAC film", "x".repeat(5_000))) {
            items.add(new RecommendedItem(title, 0.5, "because you viewed " + title, ""));
        }
        Recommendations list = Recommendations.newBuilder().setUser("ü").setItems(items).setPersonalized(false)
                .setModelVersion("").setGeneratedAt(Instant.ofEpochMilli(0)).setLastEventTimestamp(Instant.ofEpochMilli(0))
                .setLastEventPartition(-1).setLastEventOffset(-1L).setEventsSeen(0).build();

        assertSameAsAvro(AvroSerdes.RECOMMENDATIONS, list);
        // Again: this thread's encoder has grown to hold the 5,000 chars and is reused.
        assertSameAsAvro(AvroSerdes.RECOMMENDATIONS, list);
    }

    @Test
    void recordsLargerThanTheFirstBufferAndNullableFieldsEncodeAsAvroDoes() throws IOException {
        List<Neighbour> neighbours = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            neighbours.add(new Neighbour("a-rather-long-item-identifier-" + i, i * 0.25f));
        }
        ItemVector described = ItemVector.newBuilder().setVector(ByteBuffer.wrap(new byte[256])).setDistinctUsers(9)
                .setPopularity(2.5).setPopularityTimestamp(77).setNeighbours(neighbours).setKnown(true).setTitle("Title")
                .setCategories(List.of("Drama", "War")).setTags(List.of("classic")).setPrice(9.99).setExpires(5_000L).build();
        ItemVector bare = ItemVector.newBuilder().setVector(ByteBuffer.allocate(0)).setDistinctUsers(0).setPopularity(0)
                .setPopularityTimestamp(0).build();

        assertSameAsAvro(AvroSerdes.ITEM_VECTOR, described);
        assertSameAsAvro(AvroSerdes.ITEM_VECTOR, bare);
    }

    @Test
    void anEventsOwedDeltasEncodeAsAvroDoes() throws IOException {
        ItemDelta gradient = ItemDelta.newBuilder().setGradient(ByteBuffer.wrap(new byte[] {1, 2, 3, 4})).setNewUsers(1)
                .setPopularity(1.0).setEventTimestamp(10).build();
        ItemDelta coVisit = ItemDelta.newBuilder().setGradient(ByteBuffer.allocate(0)).setNewUsers(0).setPopularity(0)
                .setEventTimestamp(10).setCoVisits(List.of(new Neighbour("x", 0.5f))).build();
        OwedDeltas owed = new OwedDeltas(List.of("i1", "i2"), List.of(gradient, coVisit));

        assertSameAsAvro(AvroSerdes.OWED_DELTAS, owed);
    }

    @Test
    void theHeaderTellsARecordOfThisSchemaFromAnyOther() {
        Interaction event = Interaction.newBuilder().setUser("u").setItem("i").setType(EventType.CLICK)
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_000L)).build();
        byte[] bytes = EVENTS.encode(event);

        assertThat(EVENTS.hasHeader(bytes)).isTrue();
        assertThat(AvroSerdes.RECOMMENDATIONS.hasHeader(bytes)).as("another schema's fingerprint").isFalse();
        assertThat(EVENTS.hasHeader(Arrays.copyOf(bytes, AvroSerde.HEADER_LENGTH - 1))).isFalse();
        bytes[1] = 0x02;
        assertThat(EVENTS.hasHeader(bytes)).as("not the single-object marker").isFalse();
    }

    @Test
    void aRecordCutShortIsRefusedAsByAvrosDecoder() {
        Interaction event = Interaction.newBuilder().setUser("user-1").setItem("item-1").setType(EventType.VIEW)
                .setTimestamp(Instant.ofEpochMilli(1_700_000_000_000L)).build();
        byte[] bytes = EVENTS.encode(event);
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> EVENTS.decode(cut)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new BinaryMessageDecoder<Interaction>(SpecificData.getForClass(Interaction.class),
                Interaction.getClassSchema()).decode(cut)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aNullIsATombstoneBothWays() throws IOException {
        assertThat(AvroSerdes.USER_STATE.encode(null)).isNull();
        assertThat(AvroSerdes.USER_STATE.decode(null)).isNull();
    }

    /** Avro's own encoder, on a model of its own: its generic writer, not the generated custom coders ours uses. */
    private static <T extends SpecificRecord> void assertSameAsAvro(AvroSerde<T> serde, T record) throws IOException {
        SpecificData generic = new SpecificData();
        generic.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        byte[] ours = serde.encode(record);
        ByteBuffer theirs = new BinaryMessageEncoder<T>(generic, record.getSchema()).encode(record);
        byte[] expected = new byte[theirs.remaining()];
        theirs.get(expected);

        assertThat(ours).isEqualTo(expected);
        assertThat(serde.decode(ours)).isEqualTo(record)
                .isEqualTo(new BinaryMessageDecoder<T>(generic, record.getSchema()).decode(expected));
    }
}
