package io.streamrec.topology;

import io.streamrec.avro.ItemVector;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.stores.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The in-memory {@link ItemIndex} registered as a global state store: Kafka Streams restores
 * it from the compacted `item-vectors` topic on every start, straight into the matrix, so an
 * item is held once in memory and never in RocksDB on the reading side.
 */
final class ItemIndexStore implements StateStore {
    private final ItemIndex index;
    private final int neighbourCapacity;
    private volatile boolean open;

    ItemIndexStore(ItemIndex index, int neighbourCapacity) {
        this.index = index;
        this.neighbourCapacity = neighbourCapacity;
    }

    void apply(String item, ItemVector vector) {
        if (vector == null) {
            index.remove(item);
        } else {
            index.upsert(ModelCodec.record(item, vector, neighbourCapacity));
        }
    }

    @Override
    public String name() {
        return StoreNames.ITEM_INDEX;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {
            try {
                apply(new String(key, StandardCharsets.UTF_8), AvroSerdes.ITEM_VECTOR.decode(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Global stores must not be changelogged or cached; this builder allows neither. */
    static StoreBuilder<ItemIndexStore> builder(ItemIndex index, int neighbourCapacity) {
        return new StoreBuilder<>() {
            public StoreBuilder<ItemIndexStore> withCachingEnabled() {
                throw new UnsupportedOperationException("the item index is not cached");
            }

            public StoreBuilder<ItemIndexStore> withCachingDisabled() {
                return this;
            }

            public StoreBuilder<ItemIndexStore> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException("the item index is restored from item-vectors");
            }

            public StoreBuilder<ItemIndexStore> withLoggingDisabled() {
                return this;
            }

            public ItemIndexStore build() {
                return new ItemIndexStore(index, neighbourCapacity);
            }

            public Map<String, String> logConfig() {
                return Map.of();
            }

            public boolean loggingEnabled() {
                return false;
            }

            public String name() {
                return StoreNames.ITEM_INDEX;
            }
        };
    }
}
