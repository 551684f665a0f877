package io.streamrec.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads an interaction log into events in replay order. */
public interface LogReader {

    /** The events in file order; {@link #readSorted} puts them in replay order. */
    List<LoggedEvent> read(Path file) throws IOException;

    /** Sorted by timestamp; ties keep their file order (List.sort is stable), as the protocol asks. */
    default List<LoggedEvent> readSorted(Path file) throws IOException {
        List<LoggedEvent> events = new ArrayList<>(read(file));
        events.sort(Comparator.comparingLong(LoggedEvent::timestamp));
        return events;
    }
}
