package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.Item;
import io.streamrec.model.index.ItemMetadata;
import io.streamrec.model.index.ItemRecord;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCodecTest {
    private static Item fullyDescribed() {
        return Item.newBuilder().setId("i1").setTitle("Alien").setCategories(List.of("Horror", "Sci-Fi"))
                .setTags(List.of("space")).setAvailable(false).setPrice(9.5)
                .setAvailableFrom(Instant.ofEpochMilli(1_000)).setExpires(Instant.ofEpochMilli(2_000)).build();
    }

    @Test
    void everyCatalogueFieldOfAnItemReachesTheModel() throws ReflectiveOperationException {
        ItemMetadata metadata = ModelCodec.metadata(fullyDescribed());
        ItemMetadata none = ItemMetadata.NONE;
        for (RecordComponent field : ItemMetadata.class.getRecordComponents()) {
            Object value = field.getAccessor().invoke(metadata);
            assertThat(value).as(field.getName() + " is read from the Item")
                    .isNotEqualTo(field.getAccessor().invoke(none));
        }
        assertThat(metadata).isEqualTo(new ItemMetadata("Alien", List.of("Horror", "Sci-Fi"), List.of("space"),
                false, 9.5, 1_000L, 2_000L));
    }

    @Test
    void theMetadataSurvivesTheItemStoreRoundTrip() {
        ItemRecord record = new ItemRecord("i1", new float[] {1, 2}, 4);
        record.known = true;
        record.metadata = ModelCodec.metadata(fullyDescribed());
        ItemRecord read = ModelCodec.record("i1", ModelCodec.itemVector(record), 4);
        assertThat(read.metadata).isEqualTo(record.metadata);
        assertThat(read.known).isTrue();
    }

    @Test
    void anUndescribedItemReadsBackAsNoMetadata() {
        ItemRecord record = new ItemRecord("i2", new float[] {1, 2}, 4);
        ItemRecord read = ModelCodec.record("i2", ModelCodec.itemVector(record), 4);
        assertThat(read.metadata).isEqualTo(ItemMetadata.NONE);
        assertThat(read.known).isFalse();
    }

    @Test
    void neighboursReadBackInTheirOrderAndKeepLearning() {
        ItemRecord record = new ItemRecord("i3", new float[] {1, 2}, 3);
        record.neighbours.add("x", 4);
        record.neighbours.add("y", 1);
        record.neighbours.add("z", 2);
        ItemRecord read = ModelCodec.record("i3", ModelCodec.itemVector(record), 3);
        assertThat(read.neighbours.idsCopy()).containsExactly("x", "y", "z");
        assertThat(read.neighbours.weightsCopy()).containsExactly(4f, 1f, 2f);
        read.neighbours.add("y", 1);
        assertThat(read.neighbours.size()).isEqualTo(3);
        assertThat(read.neighbours.weight(1)).isEqualTo(2f);
    }
}
