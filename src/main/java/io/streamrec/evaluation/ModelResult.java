package io.streamrec.evaluation;

import java.util.List;
import java.util.Map;

/** One model's replay: its figures per target set (all types first) and its speed. */
public record ModelResult(String name, boolean isDefault, Map<String, Object> params, List<Scoreboard> boards,
                          long events, double seconds) {

    public double eventsPerSecond() {
        return seconds > 0 ? events / seconds : 0;
    }

    public Scoreboard board(String target) {
        return boards.stream().filter(b -> b.target().equals(target)).findFirst().orElseThrow();
    }
}
