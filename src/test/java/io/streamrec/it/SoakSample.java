package io.streamrec.it;

import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.UserState;
import io.streamrec.events.AvroSerdes;
import io.streamrec.stores.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One look, during a soak, at what a leak would grow (heap after a full GC, bytes of the state
 * folders, open file descriptors, live threads, all of this JVM) and at what legitimately grows
 * them (users and the items each has seen, and the bytes of their records), and what a series
 * of such looks says.
 *
 * @param userStateBytes  keys and encoded values of every user-state record
 * @param recentItemBytes of which the users' recent item ids (what the footprint target adds to its 512 bytes)
 * @param itemsSeen       (user, item) pairs in the user-seen store
 * @param seenBytes       their keys and values
 */
record SoakSample(Duration at, long heapBytes, long stateDirBytes, long openFiles, int threads, long users,
                  long userStateBytes, long recentItemBytes, long itemsSeen, long seenBytes) {
    /** How much more than the state itself a resource may grow after the settling time. */
    static final double ALLOWED_GROWTH = 1.10;
    /** BENCHMARKS.md, Footprint: a user-state record within 512 bytes at k = 64, plus its recent items. */
    static final int FOOTPRINT_BYTES = 512;

    static SoakSample take(StreamrecApp app, Path stateDir, Duration at) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long[] state = userState(app);
        long[] seen = seenItems(app);
        return new SoakSample(at, heap, folderBytes(stateDir), countOpenFiles(),
                ManagementFactory.getThreadMXBean().getThreadCount(), state[0], state[1], state[2], seen[0], seen[1]);
    }

    /** The state's own size: user-state records and seen pairs, the stores that grow with users and items seen. */
    long stateBytes() {
        return userStateBytes + seenBytes;
    }

    double userStateBytesPerUser() {
        return users == 0 ? 0 : (double) userStateBytes / users;
    }

    double footprintTargetPerUser() {
        return FOOTPRINT_BYTES + (users == 0 ? 0 : (double) recentItemBytes / users);
    }

    /** Users, record bytes and recent-item bytes of the user-state store. */
    private static long[] userState(StreamrecApp app) {
        return whileMoving(() -> {
            ReadOnlyKeyValueStore<String, UserState> store = app.streams().store(StoreQueryParameters
                    .fromNameAndType(StoreNames.USER_STATE, QueryableStoreTypes.<String, UserState>keyValueStore()));
            long users = 0;
            long bytes = 0;
            long recent = 0;
            try (KeyValueIterator<String, UserState> all = store.all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    users++;
                    bytes += entry.key.getBytes(StandardCharsets.UTF_8).length
                            + AvroSerdes.USER_STATE.encode(entry.value).length;
                    for (CharSequence item : entry.value.getRecentItems()) {
                        // Avro writes a string as its length (one byte for short ids) and its bytes.
                        recent += 1 + item.toString().getBytes(StandardCharsets.UTF_8).length;
                    }
                }
            }
            return new long[] {users, bytes, recent};
        });
    }

    /** Entries and bytes (key and 8-byte value) of the user-seen store: one entry per item a user has seen. */
    private static long[] seenItems(StreamrecApp app) {
        return whileMoving(() -> {
            ReadOnlyKeyValueStore<String, Long> store = app.streams().store(StoreQueryParameters
                    .fromNameAndType(StoreNames.USER_SEEN, QueryableStoreTypes.<String, Long>keyValueStore()));
            long entries = 0;
            long bytes = 0;
            try (KeyValueIterator<String, Long> all = store.all()) {
                while (all.hasNext()) {
                    entries++;
                    bytes += all.next().key.getBytes(StandardCharsets.UTF_8).length + Long.BYTES;
                }
            }
            return new long[] {entries, bytes};
        });
    }

    /** Reads a store, again while it is not queryable (a task moving within the instance). */
    private static long[] whileMoving(Supplier<long[]> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (InvalidStateStoreException e) {
                if (attempt == 100) {
                    throw e;
                }
                Reliability.sleep(100);
            }
        }
    }

    /** Bytes of the files under {@code dir}; files RocksDB deletes during the walk are skipped. */
    private static long folderBytes(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    total[0] += attributes.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total[0];
    }

    private static long countOpenFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the samples after {@code settling} say, each compared with the first of them (the base).
     *
     * @param overLimit        one line per resource and sample that grew beyond its limit
     * @param worstStateGrowth the largest growth of the state itself over the base (users, bytes of user-state
     *                         records and seen pairs)
     */
    record Growth(SoakSample base, List<String> overLimit, double worstStateGrowth, String heapMb, String rocksMb,
                  String fds, String threads, String users, String itemsSeen) {}

    static Growth growthAfter(List<SoakSample> samples, Duration settling) {
        List<SoakSample> settled = samples.stream().filter(s -> s.at().compareTo(settling) >= 0).toList();
        if (settled.size() < 2) {
            throw new AssertionError("fewer than two samples after " + settling + ": " + samples);
        }
        SoakSample base = settled.get(0);
        List<String> over = new ArrayList<>();
        double worst = 1;
        for (SoakSample s : settled) {
            double state = Math.max(1, Math.max((double) s.users / base.users,
                    (double) s.stateBytes() / base.stateBytes()));
            worst = Math.max(worst, state);
            check(over, "heap bytes", s, base.heapBytes, s.heapBytes, ALLOWED_GROWTH * state);
            check(over, "state folder bytes", s, base.stateDirBytes, s.stateDirBytes, ALLOWED_GROWTH * state);
            check(over, "open files", s, base.openFiles, s.openFiles, ALLOWED_GROWTH * state);
            // Threads serve connections and tasks, whose number no user adds to.
            check(over, "threads", s, base.threads, s.threads, ALLOWED_GROWTH);
        }
        return new Growth(base, over, worst, range(settled, s -> s.heapBytes / 1e6),
                range(settled, s -> s.stateDirBytes / 1e6), range(settled, s -> s.openFiles),
                range(settled, s -> s.threads), range(settled, s -> s.users), range(settled, s -> s.itemsSeen));
    }

    private static void check(List<String> over, String what, SoakSample sample, double base, double now,
                              double factor) {
        if (now > base * factor) {
            over.add(String.format(Locale.ROOT, "%s at %ds: %.0f > %.0f x %.2f", what, sample.at().toSeconds(),
                    now, base, factor));
        }
    }

    /** "first..last(max m)" of a measure over the samples. */
    private static String range(List<SoakSample> samples, ToDoubleFunction<SoakSample> measure) {
        double max = samples.stream().mapToDouble(measure).max().orElse(0);
        return String.format(Locale.ROOT, "%.1f..%.1f(max%.1f)", measure.applyAsDouble(samples.get(0)),
                measure.applyAsDouble(samples.get(samples.size() - 1)), max);
    }
}
