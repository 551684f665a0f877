package io.streamrec.app;

import io.streamrec.config.StreamrecConfig;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Puts one ceiling on what RocksDB takes off the heap: every persistent store of the process
 * (both Streams clients, every partition, standbys included) reads through one LRU block cache,
 * which also holds the index and filter blocks and is charged for the memtables. Left alone,
 * Kafka Streams gives each store instance a cache and memtables of its own, so RocksDB's memory
 * grows with the partitions an instance holds and knows nothing of a container's limit.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** The Streams property carrying the budget: streamrec's own keys never reach Kafka Streams otherwise. */
    static final String BUDGET_CONFIG = StreamrecConfig.ROCKSDB_MEMORY_BYTES.name();
    /** Index and filter blocks are cached at high priority in this share of the cache, so data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    /**
     * The smallest share of the cache one shard holds. Each shard evicts on its own, so a shard whose pinned
     * entries (memtable reservations, top-level indexes) exceed its share pushes the whole cache over its
     * capacity; RocksDB's own choice (512 KB shards) lets a small budget overshoot by the pinned amount.
     */
    private static final long MIN_SHARD_BYTES = 32L << 20;
    private static final int MAX_SHARD_BITS = 6;

    /** One cache per budget, shared by every store of the process: stores come and go, the cache stays. */
    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    record Shared(Cache cache, WriteBufferManager memtables) {}

    /**
     * Makes the Kafka Streams client built from {@code streams} bound RocksDB to {@code budgetBytes};
     * 0 leaves Kafka Streams' defaults, and a config setter the operator chose is kept.
     */
    public static void install(Properties streams, long budgetBytes) {
        if (budgetBytes > 0) {
            streams.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
            streams.put(BUDGET_CONFIG, Long.toString(budgetBytes));
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Object budget = configs.get(BUDGET_CONFIG);
        if (budget == null) {
            throw new IllegalStateException(BoundedRocksDbMemory.class.getSimpleName() + " needs " + BUDGET_CONFIG
                    + " among the Streams properties; install it with BoundedRocksDbMemory.install");
        }
        Shared shared = shared(Long.parseLong(budget.toString()));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.memtables());
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager belong to the process, not to this store: never closed here.
    }

    /** The cache and memtable budget every store with {@code budgetBytes} shares; memtables may take half. */
    static Shared shared(long budgetBytes) {
        return SHARED.computeIfAbsent(budgetBytes, bytes -> {
            RocksDB.loadLibrary();
            Cache cache = new LRUCache(bytes, shardBits(bytes), false, HIGH_PRIORITY_SHARE);
            return new Shared(cache, new WriteBufferManager(bytes / 2, cache));
        });
    }

    /** As many shards as keep each at least {@link #MIN_SHARD_BYTES}, up to 64: one for a small budget. */
    static int shardBits(long budgetBytes) {
        int bits = 0;
        while (bits < MAX_SHARD_BITS && budgetBytes >> (bits + 1) >= MIN_SHARD_BYTES) {
            bits++;
        }
        return bits;
    }
}
