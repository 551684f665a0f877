package io.streamrec.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A catalogue in one of the layouts public data comes in, told apart by its first lines:
 * <ul>
 *   <li>JSON lines: {"id" (or item, itemId, movieId, ...), "title" (or name), "categories" (or genres,
 *       category: an array or a '|'-separated string)};</li>
 *   <li>delimited by comma, tab, '|' or ';' (the separator that splits the sample lines into the same
 *       number of fields), with a header naming the columns (id, title, categories by the names above)
 *       or without one (id, title, then categories);</li>
 *   <li>the ML-100K {@code u.item} layout: id|title|date|video date|url|19 genre flags, the flags named
 *       as its {@code u.genre} names them.</li>
 * </ul>
 * Categories of a delimited file are split on '|' (on ',' when '|' separates the fields); "(no genres
 * listed)" means none.
 */
public final class CatalogueReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] SEPARATORS = {',', '\t', '|', ';'};
    private static final int SAMPLE = 50;
    private static final List<String> ID_NAMES = List.of("id", "item", "itemid", "item_id", "movieid", "movie_id",
            "productid", "product_id", "product", "sku", "stockcode", "asin");
    private static final List<String> TITLE_NAMES = List.of("title", "name", "description", "product_name");
    private static final List<String> CATEGORY_NAMES = List.of("categories", "category", "genres", "genre", "tags");
    /** ML-100K's u.genre, in the order of u.item's flags. */
    static final List<String> ML100K_GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private final Charset charset;
    private final BadLines badLines;

    public CatalogueReader() {
        this(StandardCharsets.UTF_8, BadLines.stop());
    }

    CatalogueReader(Charset charset, BadLines badLines) {
        this.charset = charset;
        this.badLines = badLines;
    }

    public List<CatalogueItem> read(Path file) throws IOException {
        List<String> sample = new ArrayList<>();
        try (TextLines in = new TextLines(file, charset)) {
            for (String line = in.next(); line != null && sample.size() < SAMPLE; line = in.next()) {
                if (!line.isBlank()) {
                    sample.add(line);
                }
            }
        }
        if (sample.isEmpty()) {
            return List.of();
        }
        return sample.get(0).trim().startsWith("{") ? readJsonLines(file) : readDelimited(file, sample);
    }

    private List<CatalogueItem> readJsonLines(Path file) throws IOException {
        List<CatalogueItem> items = new ArrayList<>();
        try (TextLines in = new TextLines(file, charset)) {
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    JsonNode id = node.isObject() ? field(node, ID_NAMES) : null;
                    if (id == null || id.isContainerNode() || id.asText().isBlank()) {
                        badLines.bad(file, in.number(), "needs an id field (one of " + ID_NAMES + ")");
                        continue;
                    }
                    JsonNode title = field(node, TITLE_NAMES);
                    items.add(new CatalogueItem(id.asText().trim(), title == null ? "" : title.asText(),
                            categories(field(node, CATEGORY_NAMES))));
                } catch (JsonProcessingException e) {
                    badLines.bad(file, in.number(), "not a JSON object (" + e.getOriginalMessage() + ")");
                }
            }
        }
        return items;
    }

    private static JsonNode field(JsonNode node, List<String> names) {
        for (var fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (names.contains(field.getKey().toLowerCase(Locale.ROOT)) && !field.getValue().isNull()) {
                return field.getValue();
            }
        }
        return null;
    }

    private static List<String> categories(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(c -> out.add(c.asText().trim()));
            return out.stream().filter(c -> !c.isEmpty()).toList();
        }
        return split(node.asText(), '|');
    }

    private List<CatalogueItem> readDelimited(Path file, List<String> sample) throws IOException {
        char separator = separatorOf(sample);
        List<String> first = CsvSplitter.split(sample.get(0), separator);
        boolean header = isHeader(first, sample.size() > 1 ? CsvSplitter.split(sample.get(1), separator) : null);
        int id = header ? column(first, ID_NAMES, 0) : 0;
        int title = header ? column(first, TITLE_NAMES, -1) : 1;
        int categories = header ? column(first, CATEGORY_NAMES, -1) : 2;
        boolean genreFlags = !header && separator == '|' && hasGenreFlags(CsvSplitter.split(sample.get(0), '|'));
        char categorySeparator = separator == '|' ? ',' : '|';
        List<CatalogueItem> items = new ArrayList<>();
        try (TextLines in = new TextLines(file, charset)) {
            if (header) {
                in.next();
            }
            for (String line = in.next(); line != null; line = in.next()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvSplitter.split(line, separator);
                if (f.size() <= id || f.get(id).isBlank()) {
                    badLines.bad(file, in.number(), "no item id in column " + id);
                    continue;
                }
                List<String> cats = genreFlags ? flaggedGenres(f)
                        : categories >= 0 && categories < f.size() ? split(f.get(categories), categorySeparator)
                        : List.of();
                String name = title >= 0 && title < f.size() ? f.get(title) : "";
                items.add(new CatalogueItem(f.get(id).trim(), name, cats));
            }
        }
        return items;
    }

    /** The separator that splits every sample line into the same number of fields, the most fields winning. */
    static char separatorOf(List<String> sample) {
        char best = ',';
        int bestFields = 1;
        for (char candidate : SEPARATORS) {
            int fields = CsvSplitter.split(sample.get(0), candidate).size();
            boolean consistent = fields > 1;
            for (int i = 1; i < sample.size() && consistent; i++) {
                consistent = CsvSplitter.split(sample.get(i), candidate).size() == fields;
            }
            if (consistent && fields > bestFields) {
                best = candidate;
                bestFields = fields;
            }
        }
        return best;
    }

    /** A header names an id column, or is all words above a line whose id is a number. */
    private static boolean isHeader(List<String> first, List<String> second) {
        if (column(first, ID_NAMES, -1) >= 0) {
            return true;
        }
        boolean words = first.stream().noneMatch(CatalogueReader::isNumber);
        return words && second != null && isNumber(second.get(0));
    }

    private static boolean isNumber(String text) {
        return !text.isBlank() && text.trim().chars().allMatch(Character::isDigit);
    }

    private static int column(List<String> header, List<String> names, int otherwise) {
        for (int c = 0; c < header.size(); c++) {
            if (names.contains(header.get(c).trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return otherwise;
    }

    private static boolean hasGenreFlags(List<String> fields) {
        if (fields.size() != 5 + ML100K_GENRES.size()) {
            return false;
        }
        return fields.subList(5, fields.size()).stream().allMatch(f -> f.equals("0") || f.equals("1"));
    }

    private static List<String> flaggedGenres(List<String> fields) {
        List<String> genres = new ArrayList<>();
        for (int g = 0; g < ML100K_GENRES.size() && 5 + g < fields.size(); g++) {
            if (fields.get(5 + g).trim().equals("1") && g > 0) {
                genres.add(ML100K_GENRES.get(g));
            }
        }
        return genres;
    }

    private static List<String> split(String categories, char separator) {
        String text = categories.trim();
        return text.isEmpty() || text.startsWith("(") ? List.of()
                : Arrays.stream(text.split(java.util.regex.Pattern.quote(String.valueOf(separator))))
                        .map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    /**
     * Tags in the layout of MovieLens {@code tags.csv} (a header, then user,item,tag,timestamp in
     * seconds), oldest first: a replay applies each at its time, so no tag is known before it was given.
     */
    public List<CatalogueTag> readTags(Path file) throws IOException {
        List<CatalogueTag> tags = new ArrayList<>();
        try (TextLines in = new TextLines(file, charset)) {
            in.next();
            for (String line = in.next(); line != null; line = in.next()) {
                List<String> f = CsvSplitter.split(line, ',');
                if (f.size() >= 4 && !f.get(2).isBlank()) {
                    try {
                        tags.add(new CatalogueTag(f.get(1).trim(), f.get(2).trim(),
                                Timestamps.toMillis(f.get(3), CsvLogReader.TimeUnit.S)));
                    } catch (IllegalArgumentException e) {
                        badLines.bad(file, in.number(), e.getMessage());
                    }
                }
            }
        }
        tags.sort(java.util.Comparator.comparingLong(CatalogueTag::timestamp));
        return tags;
    }
}
