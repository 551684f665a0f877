package io.streamrec.topology;

import io.streamrec.avro.ItemVector;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.Lifecycle;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.ranker.CurrentRanker;
import io.streamrec.model.ranker.RankerWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How each record of the topics every instance reads changes this instance's model. */
final class ModelFeeds {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFeeds.class);

    private ModelFeeds() {}

    /**
     * An item-state changelog record: the item upserted into the index, or removed by a tombstone.
     * An item too few users have touched stays out of the index until enough have ({@link
     * Lifecycle#admitsItem}).
     */
    static BiConsumer<byte[], byte[]> itemIndex(ItemIndex index, int neighbourCapacity, Lifecycle lifecycle) {
        return (key, value) -> {
            String item = new String(key, StandardCharsets.UTF_8);
            if (value == null) {
                index.remove(item);
                return;
            }
            try {
                ItemVector vector = AvroSerdes.ITEM_VECTOR.decode(value);
                if (!lifecycle.admitsItem(vector.getDistinctUsers(), vector.getKnown())) {
                    // Admission only grows (users are counted, never uncounted); this is for safety.
                    if (index.contains(item)) {
                        index.remove(item);
                    }
                    return;
                }
                index.upsert(ModelCodec.record(item, vector, neighbourCapacity));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * A ranker-weights record: installed when newer than the weights in force. Weights this build
     * cannot read (another format, during a rolling upgrade) are skipped: the instance keeps
     * ranking with what it has rather than stopping.
     */
    static BiConsumer<byte[], byte[]> ranker(CurrentRanker ranker) {
        RepeatedWarning skipped = new RepeatedWarning("ranker weights skipped", LOG::warn, System::currentTimeMillis);
        return (key, value) -> {
            if (value == null) {
                return;
            }
            try {
                ranker.install(RankerWeights.fromBytes(value));
            } catch (IllegalArgumentException e) {
                skipped.occurred(e.getMessage());
            }
        };
    }
}
