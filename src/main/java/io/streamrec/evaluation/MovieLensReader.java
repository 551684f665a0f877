package io.streamrec.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * MovieLens ratings: {@code ratings.csv} (userId,movieId,rating,timestamp with a header) or the
 * tab-separated {@code u.data} of ml-100k. Every rating is a RATING event whose value is the rating.
 */
public final class MovieLensReader implements LogReader {
    private final BadLines badLines;

    public MovieLensReader() {
        this(BadLines.stop());
    }

    MovieLensReader(BadLines badLines) {
        this.badLines = badLines;
    }

    @Override
    public List<LoggedEvent> read(Path file) throws IOException {
        String first;
        try (TextLines in = new TextLines(file, StandardCharsets.UTF_8)) {
            first = in.next();
        }
        if (first == null || first.isEmpty()) {
            return List.of();
        }
        char separator = first.indexOf('\t') >= 0 ? '\t' : ',';
        boolean header = !Character.isDigit(first.charAt(0));
        String user = header ? "userId" : "0";
        String item = header ? "movieId" : "1";
        String rating = header ? "rating" : "2";
        String time = header ? "timestamp" : "3";
        return new CsvLogReader(new CsvLogReader.Layout(separator, header, user, item, time,
                CsvLogReader.TimeUnit.S, null, rating, "RATING"), badLines).read(file);
    }
}
