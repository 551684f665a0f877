package io.streamrec.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.config.StreamrecConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** RocksDB's off-heap memory stays within the configured budget however many stores write. */
class BoundedRocksDbMemoryTest {
    private static final long BUDGET = 8L << 20;

    @TempDir
    Path dir;

    @Test
    void storesWritingFarMoreThanTheBudgetShareOneCacheThatStaysWithinIt() throws Exception {
        Map<String, Object> configs = new HashMap<>();
        Properties streams = new Properties();
        BoundedRocksDbMemory.install(streams, BUDGET);
        streams.forEach((key, value) -> configs.put(key.toString(), value));
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        List<String> stores = List.of("user-state", "user-seen", "recommendations", "item-state");
        Random random = new Random(7);
        byte[] value = new byte[1024];
        RocksDB.loadLibrary();
        Options[] options = new Options[stores.size()];
        RocksDB[] dbs = new RocksDB[stores.size()];
        try {
            for (int s = 0; s < stores.size(); s++) {
                options[s] = new Options().setCreateIfMissing(true).setTableFormatConfig(new BlockBasedTableConfig());
                setter.setConfig(stores.get(s), options[s], configs);
                dbs[s] = RocksDB.open(options[s], Files.createDirectory(dir.resolve(stores.get(s))).toString());
            }
            // 4 stores x 16k values of 1 KB: 64 MB written, 8 times the budget, then all of it read back.
            for (int i = 0; i < 16_384; i++) {
                for (RocksDB db : dbs) {
                    random.nextBytes(value);
                    db.put(key(i), value);
                }
            }
            for (int i = 0; i < 16_384; i++) {
                for (RocksDB db : dbs) {
                    assertThat(db.get(key(i))).hasSize(1024);
                }
            }
            // A memtable being flushed stays charged until its flush ends, and a loaded machine flushes late:
            // the budget holds once the flushes and compactions the writes triggered are done.
            awaitBackgroundWork(dbs);
            long used = BoundedRocksDbMemory.shared(BUDGET).cache().getUsage();
            assertThat(used).as("blocks read and memtables charged to the one cache").isGreaterThan(BUDGET / 2);
            // A soft limit: a block or memtable in use is never refused, and RocksDB releases a memtable
            // reservation lazily (only once its use falls below three quarters of it), so memtables that
            // outgrew their half while a loaded machine flushed late stay charged a while: a fifth over
            // was seen in a CI run. Kafka Streams' own per-store memory would hold several times the budget.
            assertThat(used).as("within the budget, give or take what RocksDB releases lazily")
                    .isLessThanOrEqualTo(BUDGET + BUDGET / 4);
        } finally {
            for (int s = 0; s < stores.size(); s++) {
                if (dbs[s] != null) {
                    dbs[s].close();
                }
                setter.close(stores.get(s), options[s]);
                if (options[s] != null) {
                    options[s].close();
                }
            }
        }
    }

    @Test
    void aSmallBudgetIsOneShardSoPinnedEntriesCannotOverfillAShareAndALargeOneSpreadsOverUpTo64() {
        assertThat(BoundedRocksDbMemory.shardBits(BUDGET)).isZero();
        assertThat(BoundedRocksDbMemory.shardBits(64L << 20)).isEqualTo(1);
        assertThat(BoundedRocksDbMemory.shardBits(3L << 30)).isEqualTo(6);
    }

    @Test
    void aBudgetOfZeroOrAnOperatorsOwnSetterIsLeftAlone() {
        Properties none = new Properties();
        BoundedRocksDbMemory.install(none, 0);
        assertThat(none).isEmpty();

        Properties own = new Properties();
        own.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.MySetter");
        BoundedRocksDbMemory.install(own, BUDGET);
        assertThat(own.getProperty(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("com.example.MySetter");
    }

    @Test
    void theBudgetIsAnEighthOfTheMachinesMemoryUnlessSetAndRefusesNonsense() {
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        assertThat(StreamrecConfig.defaults().rocksDbMemoryBytes()).isEqualTo(physical / 8);
        assertThat(StreamrecConfig.of(Map.of("streamrec.rocksdb.memory.bytes", "268435456")).rocksDbMemoryBytes())
                .isEqualTo(268_435_456L);
        assertThat(StreamrecConfig.of(Map.of("streamrec.rocksdb.memory.bytes", "0")).rocksDbMemoryBytes()).isZero();
        assertThatThrownBy(() -> StreamrecConfig.of(Map.of("streamrec.rocksdb.memory.bytes", "128MB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamrec.rocksdb.memory.bytes must be auto, 0 or a number of bytes, was '128MB'");
    }

    @Test
    void aStoreConfiguredWithoutTheBudgetSaysHowToInstallIt() {
        try (Options options = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("user-state", options, Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("BoundedRocksDbMemory.install");
        }
    }

    private static void awaitBackgroundWork(RocksDB[] dbs) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (RocksDB db : dbs) {
            while ((db.getLongProperty("rocksdb.num-immutable-mem-table") > 0
                    || db.getLongProperty("rocksdb.num-running-flushes") > 0
                    || db.getLongProperty("rocksdb.num-running-compactions") > 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    private static byte[] key(int i) {
        return ("user-" + i).getBytes(StandardCharsets.UTF_8);
    }
}
