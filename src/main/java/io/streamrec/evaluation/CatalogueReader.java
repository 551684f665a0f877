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

    /**
     * Tags in the layout of MovieLens {@code tags.csv} (a header, then user,item,tag,timestamp in
     * seconds), oldest first: a replay applies each at its time, so no tag is known before it was given.
     */
    public List<CatalogueTag> readTags(Path file) throws IOException {
        List<CatalogueTag> tags = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> f = CsvSplitter.split(line, ',');
                if (f.size() >= 4 && !f.get(2).isBlank()) {
                    tags.add(new CatalogueTag(f.get(1).trim(), f.get(2).trim(), Long.parseLong(f.get(3).trim()) * 1000));
                }
            }
        }
        tags.sort(java.util.Comparator.comparingLong(CatalogueTag::timestamp));
        return tags;
    }
}
