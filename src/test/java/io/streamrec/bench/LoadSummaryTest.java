package io.streamrec.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadSummaryTest {
    private static final LoadSummary.Latency FRESH = new LoadSummary.Latency(10, 150, 310.4, 400);
    private static final LoadSummary.Latency LEARN = new LoadSummary.Latency(10, 4.256, 25, 30);

    @Test
    void theLineNamesEveryFigureWithTheRatiosOfTheLiveRateToTheModelsAndTheBareTopologys() {
        String line = new LoadSummary(3000, 15000, 40000, 60000, 9.5, 0.75, FRESH, LEARN, 1234).line();

        assertThat(line).isEqualTo("sustained_events_per_s=3000 model_events_per_s=15000 "
                + "model_learn_only_events_per_s=40000 bare_events_per_s=60000 live_vs_model=0.20 live_vs_bare=0.05 "
                + "broker_records_per_event=9.50 broker_markers_per_event=0.75 fresh_p50_ms=150 fresh_p99_ms=310 "
                + "fresh_max_ms=400 learn_p50_ms=4.26 learn_p99_ms=25 lag_end=1234");
    }

    @Test
    void whatWasNotMeasuredReadsNoneAndSoDoesItsRatio() {
        LoadSummary.Latency none = new LoadSummary.Latency(0, 0, 0, 0);
        String line = new LoadSummary(3000, 15000, 40000, Double.NaN, Double.NaN, Double.NaN, none, none, 0).line();

        assertThat(line).contains("bare_events_per_s=none", "live_vs_model=0.20", "live_vs_bare=none",
                "broker_records_per_event=none", "fresh_p50_ms=none", "learn_p99_ms=none");
    }
}
