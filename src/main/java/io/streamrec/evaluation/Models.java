package io.streamrec.evaluation;

import io.streamrec.model.sequence.SequenceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The models the evaluate command knows by name: the product first, then the baselines. */
public final class Models {
    public static final List<String> ALL = List.of("streamrec", "POP", "RECENT-POP", "ITEM-KNN", "ISGD");
    /** Models run only when named: slower to replay than the default set. */
    public static final List<String> OPTIONAL = List.of("GRU4REC");
    private static final List<String> KNOWN = java.util.stream.Stream.concat(ALL.stream(), OPTIONAL.stream()).toList();
    static final long SEED = 42;

    private Models() {}

    /**
     * @param itemsArriveLate catalogue items enter streamrec's model just before their first event, not at the start
     */
    public static ReplayModel create(String name, ReplayLog log, StreamrecSettings streamrec,
                                     BaselineSettings baselines, List<CatalogueItem> catalogue,
                                     List<CatalogueTag> tags, boolean itemsArriveLate) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "STREAMREC" -> new StreamrecModel(log, streamrec, catalogue, tags, SEED, itemsArriveLate
                    ? CatalogueFeed.Arrival.FIRST_EVENT : CatalogueFeed.Arrival.START);
            case "POP" -> new PopModel(log);
            case "RECENT-POP" -> new RecentPopModel(log, baselines.recentPopHalfLifeMs());
            case "ITEM-KNN" -> new ItemKnnModel(log, baselines.itemKnnWindow());
            case "ISGD" -> new IsgdModel(log, baselines.isgdFactors(), baselines.isgdLearningRate(),
                    baselines.isgdRegularization(), SEED);
            case "GRU4REC" -> new Gru4RecModel(log, SequenceSettings.defaults().withSeed(SEED));
            default -> throw new IllegalArgumentException("unknown model " + name + "; known: " + KNOWN);
        };
    }

    /** Names as given, validated and in canonical spelling. */
    public static List<String> parse(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String canonical = KNOWN.stream().filter(n -> n.equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown model " + name + "; known: " + KNOWN));
            out.add(canonical);
        }
        return out;
    }
}
