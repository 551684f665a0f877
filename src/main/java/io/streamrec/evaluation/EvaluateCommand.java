package io.streamrec.evaluation;

import io.streamrec.config.StreamrecConfig;
import io.streamrec.model.policy.BusinessRules;
import io.streamrec.model.policy.Diversifier;
import io.streamrec.model.EventWeights;
import io.streamrec.model.policy.ListPolicy;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: replays an interaction log through streamrec's model and the baselines, test
 * then learn (docs/EVALUATION.md), prints a table and writes results.json and report.html.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Replays an interaction log in time order, test-then-learn, through streamrec's model "
                + "and the baselines POP, RECENT-POP, ITEM-KNN and ISGD; prints HR@10, HR@20, MRR@20, cold-user "
                + "HR@20, coverage@20 and events/s, and writes results.json and report.html.")
public final class EvaluateCommand implements Callable<Integer> {

    enum Format { movielens, csv, jsonl }

    enum Protocol { prequential, holdout }

    @Option(names = "--input", required = true, description = "The interaction log.")
    Path input;

    @Option(names = "--format", defaultValue = "movielens", description = "movielens, csv or jsonl (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", defaultValue = "eval-out", description = "Folder for results.json and report.html (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--target", split = ",", description = "Event types that form a target set of their own, e.g. purchase; all types are always reported.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--sep", defaultValue = ",", description = "csv: field separator; \\t or tab for a tab.")
    String separator;

    @Option(names = "--header", description = "csv: the first line names the columns.")
    boolean header;

    @Option(names = "--user-col", defaultValue = "user",
            description = "csv: user column, by header name or 0-based index; jsonl: user field.")
    String userColumn;

    @Option(names = "--item-col", defaultValue = "item", description = "csv: item column; jsonl: item field.")
    String itemColumn;

    @Option(names = "--time-col", defaultValue = "timestamp", description = "csv: timestamp column (jsonl: field): "
            + "epoch seconds or milliseconds (--time-unit), ISO-8601 (2011-01-04T10:15:00Z) or yyyy-MM-dd HH:mm:ss "
            + "(UTC when no offset).")
    String timeColumn;

    @Option(names = "--time-unit", description = "Unit of numeric times, s or ms; fractional values are accepted "
            + "(default: s for csv, ms for jsonl).")
    String timeUnit;

    @Option(names = "--type-col", description = "csv: optional event type column (jsonl: field, default type); "
            + "without one, every event is a VIEW.")
    String typeColumn;

    @Option(names = "--value-col",
            description = "csv: optional value column, e.g. a rating (jsonl: field, default value).")
    String valueColumn;

    @Option(names = "--group-col", description = "csv: basket column, e.g. an invoice number (jsonl: field); the lines "
            + "of one basket (a user's consecutive lines with the same value) are all tested before any is learned, "
            + "and per-basket figures are reported beside the per-line ones. Not for movielens.")
    String groupColumn;

    @Option(names = "--skip-bad-lines", description = "Skip lines that cannot be read (counted and reported once) "
            + "instead of stopping at the first with its file and line number.")
    boolean skipBadLines;

    @Option(names = "--items", description = "Catalogue: csv with a header (id,title,genres as in movies.csv), "
            + "'|'- or tab-separated, ML-100K's u.item (genre flags), or JSON lines {\"id\",\"title\",\"categories\"}; "
            + "for movielens, movies.csv next to the ratings is used when present.")
    Path items;

    @Option(names = "--items-encoding", defaultValue = "UTF-8", description = "Character encoding of --items and "
            + "--tags, e.g. ISO-8859-1 for ML-100K's u.item (default: ${DEFAULT-VALUE}).")
    Charset itemsEncoding;

    @Option(names = "--weight", description = "Learning weight of an event type, e.g. --weight purchase=5 (repeatable); "
            + "types with no weight, built in or given, learn with weight 1.")
    Map<String, Double> weightOverrides = new LinkedHashMap<>();

    @Option(names = "--models", split = ",", description = "Models to run, comma-separated (default: streamrec,POP,RECENT-POP,ITEM-KNN,ISGD); "
            + "GRU4REC, the sequence model (docs/SEQUENCE.md), runs only when named.")
    List<String> models = new ArrayList<>(Models.ALL);

    @Option(names = "--diversity", defaultValue = "0", description = "streamrec: MMR re-ranking, 0 (off) to 1 (variety only), as the diversity= query parameter.")
    double diversity;

    @Option(names = "--max-per-category", defaultValue = "0", description = "streamrec: at most this many items per category in a list (0: no cap); categories from the catalogue.")
    int maxPerCategory;

    @Option(names = "--protocol", defaultValue = "prequential", description = "prequential (default) or holdout (temporal 80/20, precision/recall/F1@N).")
    Protocol protocol;

    @Option(names = "--set", description = "A model setting, repeatable: streamrec's by configuration key "
            + "(streamrec.model.*, streamrec.blend.*, streamrec.fusion.*, streamrec.ranker.*, streamrec.lifecycle.*, "
            + "streamrec.item.publish.interval.ms; e.g. streamrec.blend.content=0), the "
            + "baselines' as itemknn.window (5), isgd.k (10), isgd.lr (0.05), isgd.reg (0.01), "
            + "recentpop.halflife (days, 30).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--items-arrive", defaultValue = "start", description = "start: the catalogue is known before the "
            + "stream; first-event: each catalogue item enters streamrec's model just before its first event, as a "
            + "new item would (default: ${DEFAULT-VALUE}).")
    String itemsArrive;

    @Option(names = "--tags", description = "User tags in the MovieLens tags.csv layout (user,item,tag,timestamp in s); "
            + "each becomes a tag of its item at its time, for streamrec's content vectors.")
    Path tagsFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return evaluate(err);
        } catch (IllegalArgumentException | BadInputException e) {
            // A bad option value or an unreadable line is the user's to fix: one line, no stack trace.
            err.println("evaluate: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("evaluate: no such file: " + e.getFile());
            return 2;
        } catch (FileSystemException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            err.println("evaluate: " + e.getFile() + ": " + reason);
            return 2;
        }
    }

    private int evaluate(PrintWriter err) throws Exception {
        List<String> modelNames = Models.parse(models);
        if (groupColumn != null && format == Format.movielens) {
            throw new IllegalArgumentException("--group-col needs --format csv or jsonl: movielens ratings have no "
                    + "basket column");
        }
        if (groupColumn != null && protocol == Protocol.holdout) {
            throw new IllegalArgumentException("--group-col applies to the prequential protocol, not holdout");
        }
        List<String> targetTypes = Prequential.normalise(new TreeSet<>(targets));
        EventWeights weights = EventWeights.defaults();
        for (Map.Entry<String, Double> w : weightOverrides.entrySet()) {
            weights = weights.with(EventTypes.canonical(w.getKey()), w.getValue());
        }
        StreamrecConfig product = productConfig();
        BaselineSettings baselines = BaselineSettings.of(baselineSettings());
        BadLines badLines = skipBadLines ? BadLines.skip() : BadLines.stop();
        List<LoggedEvent> events = reader(badLines).readSorted(input);
        if (events.isEmpty()) {
            err.println("evaluate: " + input + " holds no events" + (badLines.skipped() > 0 ? " it could read: "
                    + badLines.summary() : ""));
            return 2;
        }
        CatalogueReader catalogueReader = new CatalogueReader(itemsEncoding, badLines);
        List<CatalogueItem> catalogue = catalogue(catalogueReader);
        ReplayLog log = new ReplayLog(events);
        weights = withUnknownTypes(weights, log, err);
        warnWhenTheCatalogueMissesTheLog(catalogue, log, err);
        List<CatalogueTag> tags = tagsFile == null ? List.of() : catalogueReader.readTags(tagsFile);
        if (badLines.summary() != null) {
            err.println("evaluate: " + badLines.summary());
        }
        DatasetInfo dataset = DatasetInfo.of(input, format.name(), log, catalogue.size());
        System.out.printf("%s: %,d events, %,d users, %,d items, catalogue %,d items%n", input, log.size(),
                log.users().size(), log.items().size(), catalogue.size());
        Files.createDirectories(output);
        boolean itemsArriveLate = switch (itemsArrive) {
            case "start" -> false;
            case "first-event" -> true;
            default -> throw new IllegalArgumentException("--items-arrive must be start or first-event, got " + itemsArrive);
        };
        ListPolicy reranking = new ListPolicy(BusinessRules.none(), new Diversifier(diversity, maxPerCategory));
        StreamrecSettings streamrec = StreamrecSettings.of(product, weights, reranking);
        if (protocol == Protocol.holdout) {
            List<Holdout.Result> results = new ArrayList<>();
            for (String name : modelNames) {
                try (ReplayModel model = Models.create(name, log, streamrec, baselines, catalogue, tags,
                        itemsArriveLate)) {
                    results.add(new Holdout(log, 0.8).run(model));
                }
            }
            Holdout.print(results, System.out);
            ResultsJson.writeHoldout(output.resolve("results.json"), dataset, results);
            return 0;
        }
        Prequential replay = new Prequential(log, targetTypes);
        List<ModelResult> results = new ArrayList<>();
        for (String name : modelNames) {
            try (ReplayModel model = Models.create(name, log, streamrec, baselines, catalogue, tags,
                    itemsArriveLate); ReplayProgress progress = ReplayProgress.of(name, log.size(), err)) {
                results.add(replay.run(model, name.equals("streamrec"), progress));
            }
        }
        Grouping grouping = groupColumn == null ? null : new Grouping(groupColumn, replay.groups());
        ResultsTable.print(results, Prequential.ALL, grouping, System.out);
        for (String target : targetTypes) {
            ResultsTable.print(results, target, grouping, System.out);
        }
        ResultsJson.write(output.resolve("results.json"), dataset, grouping, results, targetTypes);
        HtmlReport.write(output.resolve("report.html"), dataset, grouping, results);
        System.out.println("\nwrote " + output.resolve("results.json") + " and " + output.resolve("report.html"));
        return 0;
    }

    /** Streamrec's keys --set may give: what the replayed model does, not how a deployment reaches Kafka. */
    private static final List<String> REPLAYED_KEY_PREFIXES = List.of("streamrec.model.", "streamrec.blend.",
            "streamrec.fusion.", "streamrec.ranker.", "streamrec.lifecycle.",
            StreamrecConfig.ITEM_PUBLISH_INTERVAL_MS.name());

    /** The product's defaults with --set overrides, read through the same keys and checks as the running system. */
    private StreamrecConfig productConfig() {
        Map<String, String> product = new LinkedHashMap<>(settings);
        product.keySet().removeIf(BaselineSettings::isBaselineKey);
        for (String key : product.keySet()) {
            boolean known = StreamrecConfig.keys().stream().anyMatch(k -> k.name().equals(key));
            if (!known || REPLAYED_KEY_PREFIXES.stream().noneMatch(key::startsWith)) {
                throw new IllegalArgumentException("--set takes " + String.join(", ", REPLAYED_KEY_PREFIXES.stream()
                        .map(p -> p.endsWith(".") ? p + "*" : p).toList()) + " and the baselines' "
                        + String.join(", ", BaselineSettings.KEYS) + ", not " + key);
            }
        }
        return StreamrecConfig.of(product);
    }

    private Map<String, String> baselineSettings() {
        Map<String, String> baselines = new LinkedHashMap<>(settings);
        baselines.keySet().removeIf(key -> !BaselineSettings.isBaselineKey(key));
        return baselines;
    }

    /**
     * A log's own event types (a travel site's "book", "search") learn with weight 1 rather than
     * not at all, and the user is told once which types those are and how to weigh them.
     */
    private static EventWeights withUnknownTypes(EventWeights weights, ReplayLog log, PrintWriter err) {
        Set<String> unknown = new TreeSet<>();
        for (int e = 0; e < log.size(); e++) {
            String type = log.event(e).type();
            if (weights.weight(type) == 0) {
                unknown.add(type);
            }
        }
        if (unknown.isEmpty()) {
            return weights;
        }
        for (String type : unknown) {
            weights = weights.with(type, 1.0);
        }
        err.println("evaluate: event types with no weight learn with weight 1: " + String.join(", ", unknown)
                + " (give one with --weight TYPE=W, e.g. --weight "
                + unknown.iterator().next().toLowerCase(java.util.Locale.ROOT) + "=3)");
        return weights;
    }

    /** A catalogue misread (another layout, another encoding) shares no ids with the log: say so. */
    private void warnWhenTheCatalogueMissesTheLog(List<CatalogueItem> catalogue, ReplayLog log, PrintWriter err) {
        if (catalogue.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        catalogue.forEach(item -> ids.add(item.id()));
        int matched = 0;
        for (int i = 0; i < log.items().size(); i++) {
            matched += ids.contains(log.items().name(i)) ? 1 : 0;
        }
        if (matched * 2 < log.items().size()) {
            err.printf("evaluate: warning: %s of the log's %,d items %s in the catalogue (%,d ids, the first '%s', "
                    + "the log's first item '%s'): check the --items file's layout and --items-encoding%n",
                    matched == 0 ? "none" : String.format("only %,d", matched), log.items().size(),
                    matched == 1 ? "is" : "are", catalogue.size(), catalogue.get(0).id(), log.items().name(0));
        }
    }

    private LogReader reader(BadLines badLines) {
        return switch (format) {
            case movielens -> new MovieLensReader(badLines);
            case jsonl -> new JsonlLogReader(new JsonlLogReader.Fields(userColumn, itemColumn, timeColumn,
                    typeColumn == null ? "type" : typeColumn, valueColumn == null ? "value" : valueColumn, groupColumn),
                    CsvLogReader.TimeUnit.parse(timeUnit == null ? "ms" : timeUnit), badLines);
            case csv -> new CsvLogReader(new CsvLogReader.Layout(CsvSplitter.separator(separator), header,
                    userColumn, itemColumn, timeColumn, CsvLogReader.TimeUnit.parse(timeUnit == null ? "s" : timeUnit),
                    typeColumn, valueColumn, "VIEW", groupColumn), badLines);
        };
    }

    private List<CatalogueItem> catalogue(CatalogueReader reader) throws java.io.IOException {
        Path file = items;
        if (file == null && format == Format.movielens && input.toAbsolutePath().getParent() != null) {
            Path next = input.toAbsolutePath().getParent().resolve("movies.csv");
            file = Files.isRegularFile(next) ? next : null;
        }
        return file == null ? List.of() : reader.read(file);
    }
}
