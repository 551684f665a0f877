package io.streamrec.bench;

import java.util.Locale;

/**
 * The last line of {@code bench load}: the live rate beside the model's own (no Kafka) and a bare
 * exactly-once topology's on the same broker, their ratios, the broker records the app appends
 * per event, and the two latencies (event to refreshed list, event to learned state). A figure
 * that was not measured reads "none", never 0.
 *
 * @param sustained      events per second the live app committed
 * @param model          events per second through the online step in memory, learning and listing
 * @param modelLearnOnly the same, learning only
 * @param bare           events per second of the bare topology; NaN when not measured
 */
record LoadSummary(double sustained, double model, double modelLearnOnly, double bare, double recordsPerEvent,
                   double markersPerEvent, Latency fresh, Latency learn, long lagEnd) {

    /** Percentiles in milliseconds of a set of samples; none when there were no samples. */
    record Latency(int count, double p50Ms, double p99Ms, double maxMs) {
        static Latency of(Samples samples) {
            return new Latency(samples.count(), samples.percentileMs(0.5), samples.percentileMs(0.99),
                    samples.maxMs());
        }

        String p50() {
            return ms(p50Ms);
        }

        String p99() {
            return ms(p99Ms);
        }

        String max() {
            return ms(maxMs);
        }

        private String ms(double value) {
            return count == 0 ? "none" : Samples.ms(value);
        }
    }

    /** Live over the model's rate with lists: the share of the model's speed the live path keeps. */
    double liveVsModel() {
        return sustained / model;
    }

    double liveVsBare() {
        return sustained / bare;
    }

    String line() {
        return String.format(Locale.ROOT, "sustained_events_per_s=%d model_events_per_s=%s "
                        + "model_learn_only_events_per_s=%s bare_events_per_s=%s live_vs_model=%s live_vs_bare=%s "
                        + "broker_records_per_event=%s broker_markers_per_event=%s fresh_p50_ms=%s fresh_p99_ms=%s "
                        + "fresh_max_ms=%s learn_p50_ms=%s learn_p99_ms=%s lag_end=%d",
                Math.round(sustained), rate(model), rate(modelLearnOnly), rate(bare),
                RecordsPerEvent.format(ratio(liveVsModel())), RecordsPerEvent.format(ratio(liveVsBare())),
                RecordsPerEvent.format(recordsPerEvent), RecordsPerEvent.format(markersPerEvent),
                fresh.p50(), fresh.p99(), fresh.max(), learn.p50(), learn.p99(), lagEnd);
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) || perSecond <= 0 ? "none" : String.valueOf(Math.round(perSecond));
    }

    /** A ratio over a figure that was not measured is not a ratio. */
    private static double ratio(double value) {
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
