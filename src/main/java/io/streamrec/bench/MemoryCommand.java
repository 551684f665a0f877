package io.streamrec.bench;

import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench memory}: what one user costs in the user-state store (its stored bytes, as RocksDB
 * and the changelog hold them) and what one item costs on the heap of every instance's item index
 * (measured: heap after a full GC with the index built, minus before), against the raw vector.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Measure state bytes per user and index heap per item against the raw vector.")
final class MemoryCommand implements Callable<Integer> {
    @Option(names = "--dimensions", defaultValue = "64", description = "Vector length k (default ${DEFAULT-VALUE}).")
    int dimensions;

    @Option(names = "--items", defaultValue = "100000", description = "Items indexed (default ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--neighbours", defaultValue = "0", description = "Co-visitation neighbours per indexed item "
            + "(default ${DEFAULT-VALUE}: the vector-only cost; the product keeps up to 200).")
    int neighbours;

    @Option(names = "--recent-items", defaultValue = "20", description = "Recent items per user "
            + "(default ${DEFAULT-VALUE}, streamrec.model.recent.items).")
    int recentItems;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (dimensions <= 0 || items <= 0 || neighbours < 0 || recentItems < 0) {
            throw new IllegalArgumentException("--dimensions and --items must be positive, the others >= 0");
        }
        int raw = dimensions * Float.BYTES;
        int bare = userStateBytes(0);
        int full = userStateBytes(recentItems);
        out.printf(Locale.ROOT, "user state at k=%d: %d bytes without recent items, %d with %d recent items "
                + "(vector alone %d)%n", dimensions, bare, full, recentItems, raw);

        long before = usedHeapAfterGc();
        ItemIndex index = new ItemIndex(dimensions);
        for (int i = 0; i < items; i++) {
            ItemRecord record = new ItemRecord(BenchIds.ITEM_PREFIX + i, ItemIndex.noise("i" + i, dimensions, 0.1f),
                    Math.max(1, neighbours));
            for (int n = 0; n < neighbours; n++) {
                record.neighbours.add(BenchIds.ITEM_PREFIX + ((i + n + 1) % items), 1f + n);
            }
            index.upsert(record);
        }
        long after = usedHeapAfterGc();
        double perItem = (after - before) / (double) items;
        out.printf(Locale.ROOT, "item index at k=%d, %d items, %d neighbours each: %.0f heap bytes per item "
                + "= %.2fx the raw vector (%d bytes)%n", dimensions, index.size(), neighbours, perItem, perItem / raw, raw);
        out.printf(Locale.ROOT, "user_state_bytes=%d user_state_bytes_without_recent=%d index_heap_bytes_per_item=%.0f "
                + "index_ratio_to_raw_vector=%.2f%n", full, bare, perItem, perItem / raw);
        return 0;
    }

    private int userStateBytes(int recent) {
        List<String> recentIds = new ArrayList<>();
        for (int i = 0; i < recent; i++) {
            recentIds.add(BenchIds.ITEM_PREFIX + (10_000 + i));
        }
        UserState state = UserState.newBuilder()
                .setVector(ByteBuffer.allocate(dimensions * Float.BYTES))
                .setRecentItems(recentIds)
                .setEvents(1234)
                .setLastEventTimestamp(System.currentTimeMillis())
                .setLastEventPartition(3)
                .setLastEventOffset(1_234_567)
                .build();
        // The store's key (the user id) is stored beside the value.
        return AvroSerdes.USER_STATE.encode(state).length + (BenchIds.USER_PREFIX + "12345").length();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
