package io.streamrec.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/** A line of an input file that cannot be read, named by file and 1-based line number. */
public final class BadInputException extends IOException {

    BadInputException(Path file, long line, String reason) {
        super(file + " line " + line + ": " + reason);
    }
}
