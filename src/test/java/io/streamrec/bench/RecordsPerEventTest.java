package io.streamrec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordsPerEventTest {
    private static final Set<String> BROKER = Set.of("__transaction_state");

    @Test
    void offsetsTakenAreSummedOverPartitionsAndANewPartitionCountsFromZero() {
        BrokerRecords.Snapshot before = new BrokerRecords.Snapshot(Map.of(
                new TopicPartition("changelog", 0), 100L, new TopicPartition("changelog", 1), 50L));
        BrokerRecords.Snapshot after = new BrokerRecords.Snapshot(Map.of(
                new TopicPartition("changelog", 0), 130L, new TopicPartition("changelog", 1), 60L,
                new TopicPartition("recommendations", 0), 7L));

        assertThat(BrokerRecords.offsetsTaken(before, after)).containsExactlyInAnyOrderEntriesOf(
                Map.of("changelog", 40L, "recommendations", 7L));
    }

    @Test
    void recordsAndMarkersAreDividedByTheEventsLearnedAndTheBrokersOwnTopicsAreLeftOutOfTheTotal() {
        RecordsPerEvent perEvent = RecordsPerEvent.of(
                Map.of("changelog", 240L, "recommendations", 120L, "__transaction_state", 500L),
                Map.of("changelog", 200L, "recommendations", 100L, "__transaction_state", 500L), 100, BROKER);

        assertThat(perEvent.recordsPerEvent()).isCloseTo(3.0, within(1e-9));
        assertThat(perEvent.markersPerEvent()).isCloseTo(0.6, within(1e-9));
        assertThat(perEvent.rows()).extracting(RecordsPerEvent.Row::topic)
                .containsExactly("changelog", "recommendations", "__transaction_state");
    }

    @Test
    void uncountedRecordsFallBackToOffsetsAndLeaveTheMarkersUnknown() {
        RecordsPerEvent perEvent = RecordsPerEvent.of(Map.of("changelog", 240L), Map.of(), 100, BROKER);

        assertThat(perEvent.counted()).isFalse();
        assertThat(perEvent.recordsPerEvent()).isCloseTo(2.4, within(1e-9));
        assertThat(RecordsPerEvent.format(perEvent.markersPerEvent())).isEqualTo("none");
        StringWriter table = new StringWriter();
        perEvent.print(new PrintWriter(table, true));
        assertThat(table.toString()).contains("offsets include transaction markers").contains("2.40");
    }

    @Test
    void noEventsLearnedGivesNoneRatherThanAnInfiniteFigure() {
        RecordsPerEvent perEvent = RecordsPerEvent.of(Map.of("changelog", 5L), Map.of("changelog", 5L), 0, BROKER);

        assertThat(RecordsPerEvent.format(perEvent.recordsPerEvent())).isEqualTo("none");
    }
}
