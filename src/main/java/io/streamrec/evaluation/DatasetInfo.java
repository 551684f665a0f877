package io.streamrec.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What was replayed, with the file's SHA-256 so a figure can be tied to the exact data. */
public record DatasetInfo(String path, String format, String sha256, long events, int users, int items,
                          int catalogueItems, long firstTimestamp, long lastTimestamp) {

    static DatasetInfo of(Path file, String format, ReplayLog log, int catalogueItems) throws IOException {
        return new DatasetInfo(file.toString(), format, sha256(file), log.size(), log.users().size(),
                log.items().size(), catalogueItems, log.event(0).timestamp(), log.event(log.size() - 1).timestamp());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
