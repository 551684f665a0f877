package io.streamrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LifecycleRulesTest {
    private final Lifecycle lifecycle = new Lifecycle(3, 2, 1_000, 5_000, 100);

    @Test
    void admissionCountsTheEventBeingLearned() {
        assertThat(lifecycle.admitsUser(2)).isFalse();
        assertThat(lifecycle.admitsUser(3)).isTrue();
        assertThat(lifecycle.admitsItem(1, false)).isFalse();
        assertThat(lifecycle.admitsItem(1, true)).as("described by the catalogue").isTrue();
        assertThat(lifecycle.admitsItem(2, false)).isTrue();
    }

    @Test
    void idlenessIsMeasuredAgainstTheNewestEventAndNeverOverflows() {
        assertThat(lifecycle.userIdle(10_000, 11_000)).isFalse();
        assertThat(lifecycle.userIdle(10_000, 11_001)).isTrue();
        assertThat(lifecycle.userIdle(10_000, Long.MIN_VALUE)).as("no event seen since a restart").isFalse();
        assertThat(lifecycle.itemIdle(10_000, false, 15_001)).isTrue();
        assertThat(lifecycle.itemIdle(10_000, true, 99_000)).as("catalogue items stay").isFalse();
        assertThat(Lifecycle.defaults().userIdle(0, Long.MAX_VALUE)).as("TTL 0 never expires").isFalse();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Lifecycle(0, 1, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lifecycle(1, 1, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
