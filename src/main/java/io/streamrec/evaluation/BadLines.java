package io.streamrec.evaluation;

import java.nio.file.Path;

/**
 * What a reader does with a line it cannot read: stop with its file and line number, or, with
 * {@code --skip-bad-lines}, count it and go on. The count and the first such line are reported once.
 */
final class BadLines {
    private final boolean skip;
    private long skipped;
    private String first;

    private BadLines(boolean skip) {
        this.skip = skip;
    }

    static BadLines stop() {
        return new BadLines(false);
    }

    static BadLines skip() {
        return new BadLines(true);
    }

    /** Throws unless bad lines are skipped, in which case the line is counted. */
    void bad(Path file, long line, String reason) throws BadInputException {
        BadInputException error = new BadInputException(file, line, reason);
        if (!skip) {
            throw error;
        }
        if (skipped++ == 0) {
            first = error.getMessage();
        }
    }

    long skipped() {
        return skipped;
    }

    /** One line for the user, or null when every line was read. */
    String summary() {
        return skipped == 0 ? null : String.format("skipped %,d bad line%s (the first: %s)", skipped,
                skipped == 1 ? "" : "s", first);
    }
}
