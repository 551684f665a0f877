package io.streamrec.evaluation;

import io.streamrec.model.BusinessRules;
import io.streamrec.model.Diversifier;
import io.streamrec.model.EventWeights;
import io.streamrec.model.ListPolicy;
import io.streamrec.model.ModelParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: replays an interaction log through streamrec's model and the baselines, test
 * then learn (../shared/EVALUATION.md), prints a table and writes results.json and report.html.
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

    @Option(names = "--user-col", defaultValue = "user", description = "csv: user column, by header name or 0-based index.")
    String userColumn;

    @Option(names = "--item-col", defaultValue = "item", description = "csv: item column.")
    String itemColumn;

    @Option(names = "--time-col", defaultValue = "timestamp", description = "csv: timestamp column.")
    String timeColumn;

    @Option(names = "--time-unit", defaultValue = "s", description = "csv: s or ms; fractional values are accepted.")
    String timeUnit;

    @Option(names = "--type-col", description = "csv: optional event type column (default type VIEW).")
    String typeColumn;

    @Option(names = "--value-col", description = "csv: optional value column (e.g. a rating).")
    String valueColumn;

    @Option(names = "--items", description = "Catalogue in the movies.csv layout (id,title,categories|...); "
            + "for movielens, movies.csv next to the ratings is used when present.")
    Path items;

    @Option(names = "--weight", description = "Learning weight of an event type, e.g. --weight purchase=5 (repeatable).")
    Map<String, Double> weightOverrides = new LinkedHashMap<>();

    @Option(names = "--models", split = ",", description = "Models to run, comma-separated (default: streamrec,POP,RECENT-POP,ITEM-KNN,ISGD).")
    List<String> models = new ArrayList<>(Models.ALL);

    @Option(names = "--diversity", defaultValue = "0", description = "streamrec: MMR re-ranking, 0 (off) to 1 (variety only), as the diversity= query parameter.")
    double diversity;

    @Option(names = "--max-per-category", defaultValue = "0", description = "streamrec: at most this many items per category in a list (0: no cap); categories from the catalogue.")
    int maxPerCategory;

    @Option(names = "--protocol", defaultValue = "prequential", description = "prequential (default) or holdout (temporal 80/20, precision/recall/F1@N).")
    Protocol protocol;

    @Option(names = "--set", description = "A model setting by its configuration key, e.g. --set streamrec.blend.content=0 "
            + "(streamrec.model.*, streamrec.blend.*, streamrec.fusion.*; repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--items-arrive", defaultValue = "start", description = "start: the catalogue is known before the "
            + "stream; first-event: each catalogue item enters streamrec's model just before its first event, as a "
            + "new item would (default: ${DEFAULT-VALUE}).")
    String itemsArrive;

    @Option(names = "--tags", description = "User tags in the MovieLens tags.csv layout (user,item,tag,timestamp in s); "
            + "each becomes a tag of its item at its time, for streamrec's content vectors.")
    Path tagsFile;

    @Override
    public Integer call() throws Exception {
        try {
            return evaluate();
        } catch (IllegalArgumentException e) {
            // A bad option value (unknown model, column, separator, time unit) is a usage error, not a crash.
            System.err.println("evaluate: " + e.getMessage());
            return 2;
        }
    }

    private int evaluate() throws Exception {
        List<String> modelNames = Models.parse(models);
        List<String> targetTypes = Prequential.normalise(new java.util.TreeSet<>(targets));
        EventWeights weights = EventWeights.defaults();
        for (Map.Entry<String, Double> w : weightOverrides.entrySet()) {
            weights = weights.with(EventTypes.canonical(w.getKey()), w.getValue());
        }
        List<LoggedEvent> events = reader().readSorted(input);
        if (events.isEmpty()) {
            System.err.println("evaluate: " + input + " holds no events");
            return 1;
        }
        List<CatalogueItem> catalogue = catalogue();
        ReplayLog log = new ReplayLog(events);
        DatasetInfo dataset = DatasetInfo.of(input, format.name(), log, catalogue.size());
        System.out.printf("%s: %,d events, %,d users, %,d items, catalogue %,d items%n", input, log.size(),
                log.users().size(), log.items().size(), catalogue.size());
        Files.createDirectories(output);
        ModelParams params = modelParams();
        List<CatalogueTag> tags = tagsFile == null ? List.of() : new CatalogueReader().readTags(tagsFile);
        boolean itemsArriveLate = switch (itemsArrive) {
            case "start" -> false;
            case "first-event" -> true;
            default -> throw new IllegalArgumentException("--items-arrive must be start or first-event, got " + itemsArrive);
        };
        ListPolicy reranking = new ListPolicy(BusinessRules.none(), new Diversifier(diversity, maxPerCategory));
        if (protocol == Protocol.holdout) {
            List<Holdout.Result> results = new ArrayList<>();
            for (String name : modelNames) {
                results.add(new Holdout(log, 0.8).run(Models.create(name, log, params, weights, catalogue,
                        tags, itemsArriveLate, reranking)));
            }
            Holdout.print(results, System.out);
            ResultsJson.writeHoldout(output.resolve("results.json"), dataset, results);
            return 0;
        }
        Prequential replay = new Prequential(log, targetTypes);
        List<ModelResult> results = new ArrayList<>();
        for (String name : modelNames) {
            ReplayModel model = Models.create(name, log, params, weights, catalogue, tags, itemsArriveLate, reranking);
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(String.format("%-10s", name))
                    .setInitialMax(log.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .continuousUpdate().build()) {
                results.add(replay.run(model, name.equals("streamrec"), bar::stepTo));
            }
        }
        ResultsTable.print(results, Prequential.ALL, System.out);
        for (String target : targetTypes) {
            ResultsTable.print(results, target, System.out);
        }
        ResultsJson.write(output.resolve("results.json"), dataset, results, targetTypes);
        HtmlReport.write(output.resolve("report.html"), dataset, results);
        System.out.println("\nwrote " + output.resolve("results.json") + " and " + output.resolve("report.html"));
        return 0;
    }

    /** The product's defaults with --set overrides, read through the same keys and checks as the running system. */
    private ModelParams modelParams() {
        for (String key : settings.keySet()) {
            boolean known = io.streamrec.config.StreamrecConfig.keys().stream().anyMatch(k -> k.name().equals(key));
            if (!known || !key.startsWith("streamrec.model.") && !key.startsWith("streamrec.blend.")
                    && !key.startsWith("streamrec.fusion.")) {
                throw new IllegalArgumentException("--set takes streamrec.model.*, streamrec.blend.* and "
                        + "streamrec.fusion.* keys, not " + key);
            }
        }
        return io.streamrec.config.StreamrecConfig.of(settings).modelParams();
    }

    private LogReader reader() {
        return switch (format) {
            case movielens -> new MovieLensReader();
            case jsonl -> new JsonlLogReader();
            case csv -> new CsvLogReader(new CsvLogReader.Layout(CsvSplitter.separator(separator), header,
                    userColumn, itemColumn, timeColumn, CsvLogReader.TimeUnit.parse(timeUnit), typeColumn,
                    valueColumn, "VIEW"));
        };
    }

    private List<CatalogueItem> catalogue() throws java.io.IOException {
        Path file = items;
        if (file == null && format == Format.movielens && input.toAbsolutePath().getParent() != null) {
            Path next = input.toAbsolutePath().getParent().resolve("movies.csv");
            file = Files.isRegularFile(next) ? next : null;
        }
        return file == null ? List.of() : new CatalogueReader().read(file);
    }
}
