package io.streamrec.topology;

import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A global state store that keeps nothing itself: every record of its topic, whether Kafka
 * Streams restores it on start or it arrives later, is applied to a model held in memory (the
 * item index from the item-state changelog, the ranker from `ranker-weights`). So what every instance
 * reads is held once, in the form it is used in, never also in RocksDB.
 */
final class MemoryFedStore implements StateStore {
    private final String name;
    /** Key and value bytes of one record; a null value is a tombstone. */
    private final BiConsumer<byte[], byte[]> apply;
    private volatile boolean open;

    private MemoryFedStore(String name, BiConsumer<byte[], byte[]> apply) {
        this.name = name;
        this.apply = apply;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, apply::accept);
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

    /** The processor of the global topic's new records: each applied like a restored one. */
    static final class Feed implements Processor<byte[], byte[], Void, Void> {
        private final String storeName;
        private MemoryFedStore store;

        Feed(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            store.apply.accept(record.key(), record.value());
        }
    }

    /** Global stores must not be changelogged or cached; this builder allows neither. */
    static StoreBuilder<MemoryFedStore> builder(String name, BiConsumer<byte[], byte[]> apply) {
        return new StoreBuilder<>() {
            public StoreBuilder<MemoryFedStore> withCachingEnabled() {
                throw new UnsupportedOperationException(name + " is not cached");
            }

            public StoreBuilder<MemoryFedStore> withCachingDisabled() {
                return this;
            }

            public StoreBuilder<MemoryFedStore> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException(name + " is restored from its own topic");
            }

            public StoreBuilder<MemoryFedStore> withLoggingDisabled() {
                return this;
            }

            public MemoryFedStore build() {
                return new MemoryFedStore(name, apply);
            }

            public Map<String, String> logConfig() {
                return Map.of();
            }

            public boolean loggingEnabled() {
                return false;
            }

            public String name() {
                return name;
            }
        };
    }
}
