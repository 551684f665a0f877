package io.streamrec.cli;

import io.streamrec.config.StreamrecConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Kafka Streams locks {@code <state.dir>/<application.id>/.lock} for as long as it runs, so a
 * second instance on the same host with the same state.dir cannot start: Streams says so in a
 * stack trace. This asks the lock first and says it in one line, naming the setting to change.
 */
final class StateDirectoryCheck {
    /** Kafka Streams' own name for its lock file (StateDirectory.LOCK_FILE_NAME). */
    private static final String LOCK_FILE = ".lock";

    private StateDirectoryCheck() {}

    /** @throws IllegalArgumentException naming state.dir when another instance holds it */
    static void requireFree(StreamrecConfig config) throws IOException {
        Path stateDir = Path.of(config.get(StreamrecConfig.STATE_DIR));
        Path lock = stateDir.resolve(config.get(StreamrecConfig.APPLICATION_ID)).resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free != null) {
                free.release();
                return;
            }
        } catch (OverlappingFileLockException heldByThisProcess) {
            // Another instance in this very JVM holds it: in use all the same.
        }
        throw new IllegalArgumentException(StreamrecConfig.STATE_DIR.name() + " " + stateDir.toAbsolutePath()
                + " is in use by another streamrec instance; give each instance on a host its own "
                + "(--set " + StreamrecConfig.STATE_DIR.name() + "=DIR)");
    }
}
