package io.streamrec.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A catalogue in the layout of MovieLens {@code movies.csv}: a header, then id,title,categories
 * with categories separated by '|'. "(no genres listed)" means none.
 */
public final class CatalogueReader {

    public List<CatalogueItem> read(Path file) throws IOException {
        List<CatalogueItem> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvSplitter.split(line, ',');
                String genres = f.size() > 2 ? f.get(2).trim() : "";
                List<String> categories = genres.isEmpty() || genres.startsWith("(")
                        ? List.of() : Arrays.stream(genres.split("\\|")).map(String::trim).toList();
                items.add(new CatalogueItem(f.get(0).trim(), f.size() > 1 ? f.get(1) : "", categories));
            }
        }
        return items;
    }
}
