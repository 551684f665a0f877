package io.streamrec.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results.json: {"dataset": {...}, "protocol": ..., "models": [...]} where models holds the
 * all-types figures; with --target, "targets" holds one {"target", "models"} block per type. A
 * grouped replay adds "grouping" {"column", "groups"} and each model's "baskets" figures.
 */
final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    /** @param grouping how the lines were grouped into baskets, null when they were not */
    static void write(Path file, DatasetInfo dataset, Grouping grouping, List<ModelResult> results,
                      List<String> targets) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", dataset);
        root.put("protocol", "prequential");
        if (grouping != null) {
            root.put("grouping", Map.of("column", grouping.column(), "groups", grouping.groups()));
        }
        root.put("n", Prequential.N);
        root.put("machine", machine());
        root.put("models", models(results, Prequential.ALL, grouping != null));
        if (!targets.isEmpty()) {
            List<Object> blocks = new ArrayList<>();
            for (String target : targets) {
                blocks.add(Map.of("target", target, "models", models(results, target, grouping != null)));
            }
            root.put("targets", blocks);
        }
        JSON.writeValue(file.toFile(), root);
    }

    static void writeHoldout(Path file, DatasetInfo dataset, List<Holdout.Result> results) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", dataset);
        root.put("protocol", "holdout");
        root.put("machine", machine());
        root.put("models", results);
        JSON.writeValue(file.toFile(), root);
    }

    private static List<Map<String, Object>> models(List<ModelResult> results, String target, boolean grouped) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelResult r : results) {
            Scoreboard b = r.board(target);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("default", r.isDefault());
            m.put("hr10", b.hr10());
            m.put("hr20", b.hr20());
            m.put("mrr20", b.mrr20());
            m.put("coverage20", b.coverage20());
            m.put("evaluated", b.evaluated());
            m.put("cold_events", b.coldEvents());
            m.put("cold_hr20", b.coldHr20());
            m.put("events_per_s", r.eventsPerSecond());
            m.put("first_half", half(b.firstHalf()));
            m.put("second_half", half(b.secondHalf()));
            m.put("cold_items", Map.of("max_earlier_events", Scoreboard.COLD_ITEM_EVENTS - 1,
                    "all", half(b.coldItems()), "first_half", half(b.coldItems(0)),
                    "second_half", half(b.coldItems(1))));
            if (grouped) {
                Scoreboard.Half baskets = b.baskets();
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("hr10", baskets.hr10());
                block.put("hr20", baskets.hr20());
                block.put("mrr20", baskets.mrr20());
                block.put("evaluated", baskets.evaluated());
                block.put("first_half", half(b.baskets(0)));
                block.put("second_half", half(b.baskets(1)));
                m.put("baskets", block);
            }
            m.put("params", r.params());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> half(Scoreboard.Half half) {
        return Map.of("evaluated", half.evaluated(), "hr20", half.hr20(), "mrr20", half.mrr20());
    }

    private static Map<String, Object> machine() {
        return Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name"));
    }
}
