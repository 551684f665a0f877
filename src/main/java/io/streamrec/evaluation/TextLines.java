package io.streamrec.evaluation;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file read line by line with 1-based line numbers. Bytes that are not text in the file's
 * charset stop the read with the line they are on, not a bare decoder exception.
 */
final class TextLines implements Closeable {
    private final Path file;
    private final Charset charset;
    private final BufferedReader in;
    private long number;

    TextLines(Path file, Charset charset) throws IOException {
        this.file = file;
        this.charset = charset;
        this.in = Files.newBufferedReader(file, charset);
    }

    /** The next line, a leading byte-order mark removed from the first; null at the end. */
    String next() throws IOException {
        String line;
        try {
            line = in.readLine();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, firstLineNotIn(), "not " + charset.name() + " text"
                    + (charset.equals(StandardCharsets.UTF_8) ? " (a Latin-1 file needs --items-encoding ISO-8859-1 "
                    + "for a catalogue, or converting to UTF-8 for a log)" : ""));
        }
        if (line != null && number++ == 0 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return line;
    }

    /**
     * The reader decodes whole buffers, so the failure does not say which line it is on: find the
     * first line whose bytes do not decode (exact for the charsets that keep '\n' a single byte).
     */
    private long firstLineNotIn() throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lineNo = 1;
            for (int b = bytes.read(); ; b = bytes.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return lineNo;
                    }
                    if (b < 0) {
                        return number + 1;
                    }
                    line.reset();
                    lineNo++;
                } else {
                    line.write(b);
                }
            }
        }
    }

    /** The number of the line {@link #next} returned last. */
    long number() {
        return number;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
