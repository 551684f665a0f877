package io.streamrec.evaluation;

import io.streamrec.model.EventWeights;
import io.streamrec.model.ListPolicy;
import io.streamrec.model.ModelParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The models the evaluate command knows by name: the product first, then the baselines. */
public final class Models {
    public static final List<String> ALL = List.of("streamrec", "POP", "RECENT-POP", "ITEM-KNN", "ISGD");
    static final long SEED = 42;

    private Models() {}

    public static ReplayModel create(String name, ReplayLog log, ModelParams params, EventWeights weights,
                                     List<CatalogueItem> catalogue) {
        return create(name, log, params, BaselineSettings.defaults(), weights, catalogue, List.of(), false,
                ListPolicy.none());
    }

    /**
     * @param itemsArriveLate catalogue items enter streamrec's model just before their first event, not at the start
     * @param reranking       diversity and category cap, applied to streamrec's lists only
     */
    public static ReplayModel create(String name, ReplayLog log, ModelParams params, BaselineSettings baselines,
                                     EventWeights weights,
                                     List<CatalogueItem> catalogue, List<CatalogueTag> tags, boolean itemsArriveLate,
                                     ListPolicy reranking) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "STREAMREC" -> new StreamrecModel(log, params, weights, catalogue, tags, SEED, itemsArriveLate
                    ? StreamrecModel.CatalogueArrival.FIRST_EVENT : StreamrecModel.CatalogueArrival.START, reranking);
            case "POP" -> new PopModel(log);
            case "RECENT-POP" -> new RecentPopModel(log, baselines.recentPopHalfLifeMs());
            case "ITEM-KNN" -> new ItemKnnModel(log, baselines.itemKnnWindow());
            case "ISGD" -> new IsgdModel(log, baselines.isgdFactors(), baselines.isgdLearningRate(),
                    baselines.isgdRegularization(), SEED);
            default -> throw new IllegalArgumentException("unknown model " + name + "; known: " + ALL);
        };
    }

    /** Names as given, validated and in canonical spelling. */
    public static List<String> parse(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String canonical = ALL.stream().filter(n -> n.equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown model " + name + "; known: " + ALL));
            out.add(canonical);
        }
        return out;
    }
}
