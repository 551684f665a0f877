package io.streamrec.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveHistoryTest {
    @Test
    void ratesComeFromDifferencesOfTotals() {
        Totals start = new Totals(10_000, 100, 10, 1, 0);
        Totals later = new Totals(12_000, 160, 30, 6, 2);
        assertThat(LiveHistory.eventsPerSecond(start, later)).isCloseTo(30.0, within(1e-9));
        assertThat(LiveHistory.hitRate(start, later)).isCloseTo(0.25, within(1e-9));
        assertThat(LiveHistory.hitRate(later, later)).as("no test is no rate, not a rate of 0").isNull();
        assertThat(LiveHistory.eventsPerSecond(later, later)).isZero();
    }

    @Test
    void eachPointsHitRateCoversTheTrailingWindow() {
        List<Totals> samples = new ArrayList<>();
        for (int s = 0; s <= 40; s++) {
            // 10 events and 4 tests a second; a hit a second up to second 20, none after.
            samples.add(new Totals(s * 1000L, 10L * s, 4L * s, Math.min(s, 20), 0));
        }
        List<Stats.Point> points = LiveHistory.series(samples);
        assertThat(points).hasSize(40);
        assertThat(points).allSatisfy(p -> assertThat(p.eventsPerSecond()).isCloseTo(10.0, within(1e-9)));
        assertThat(points.get(19).hitRate()).as("second 20: 20 hits in 80 tests").isCloseTo(0.25, within(1e-9));
        assertThat(points.get(39).hitRate()).as("second 40: the window 10..40 holds 10 hits in 120 tests")
                .isCloseTo(10.0 / 120, within(1e-9));
    }

    @Test
    void theHistoryKeepsSamplingAndStopsWhenClosed() {
        long[] calls = {0};
        try (LiveHistory history = new LiveHistory(() -> new Totals(calls[0]++, 0, 0, 0, 0))) {
            assertThat(history.samplesAndNow()).as("one sample at start and the totals now").hasSize(2);
        }
    }

    @Test
    void hitCutoffsAreTenTwentyAndTheListLengthWithinIt() {
        assertThat(HitCutoffs.forListSize(50).values()).containsExactly(10, 20, 50);
        assertThat(HitCutoffs.forListSize(20).values()).containsExactly(10, 20);
        assertThat(HitCutoffs.forListSize(5).values()).containsExactly(5);
        assertThat(HitCutoffs.forListSize(5).primary()).isEqualTo(5);
        assertThat(HitCutoffs.forListSize(50).indexOfPrimary()).isEqualTo(1);
    }
}
