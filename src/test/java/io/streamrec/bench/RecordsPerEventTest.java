package io.streamrec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
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
                Map.of("changelog", appended(200, 60_000), "recommendations", appended(100, 5_000),
                        "__transaction_state", appended(500, 40_000)), 100, BROKER);

        assertThat(perEvent.recordsPerEvent()).isCloseTo(3.0, within(1e-9));
        assertThat(perEvent.markersPerEvent()).isCloseTo(0.6, within(1e-9));
        assertThat(perEvent.bytesPerEvent()).isCloseTo(650.0, within(1e-9));
        assertThat(perEvent.rows()).extracting(RecordsPerEvent.Row::topic)
                .containsExactly("changelog", "recommendations", "__transaction_state");
    }

    @Test
    void uncountedRecordsFallBackToOffsetsAndLeaveTheMarkersUnknown() {
        RecordsPerEvent perEvent = RecordsPerEvent.of(Map.of("changelog", 240L), Map.of(), 100, BROKER);

        assertThat(perEvent.counted()).isFalse();
        assertThat(perEvent.recordsPerEvent()).isCloseTo(2.4, within(1e-9));
        assertThat(RecordsPerEvent.format(perEvent.markersPerEvent())).isEqualTo("none");
        assertThat(RecordsPerEvent.format(perEvent.bytesPerEvent())).isEqualTo("none");
        StringWriter table = new StringWriter();
        perEvent.print(new PrintWriter(table, true));
        assertThat(table.toString()).contains("offsets include transaction markers").contains("2.40");
    }

    @Test
    void theTablePrintsEachTopicsBytesPerRecordAndPerEvent() {
        RecordsPerEvent perEvent = RecordsPerEvent.of(Map.of("changelog", 240L),
                Map.of("changelog", appended(200, 60_000)), 100, BROKER);
        StringWriter table = new StringWriter();
        perEvent.print(new PrintWriter(table, true));

        assertThat(table.toString()).containsPattern("changelog +240 +40 +2\\.00 +0\\.40 +300\\.00 +600\\.00");
    }

    @Test
    void aRecordsBytesAreItsKeyValueAndHeadersAsSerialized() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, 3, 10,
                new byte[3], new byte[10], new RecordHeaders().add("hk", new byte[4]), Optional.empty());
        ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>("t", 0, 1L, 0L, TimestampType.CREATE_TIME, 3,
                -1, new byte[3], null, new RecordHeaders(), Optional.empty());

        assertThat(BrokerRecords.Appended.of(record).plus(BrokerRecords.Appended.of(tombstone)))
                .isEqualTo(appended(2, 3 + 10 + 2 + 4 + 3));
    }

    @Test
    void noEventsLearnedGivesNoneRatherThanAnInfiniteFigure() {
        RecordsPerEvent perEvent = RecordsPerEvent.of(Map.of("changelog", 5L), Map.of("changelog", appended(5, 50)), 0,
                BROKER);

        assertThat(RecordsPerEvent.format(perEvent.recordsPerEvent())).isEqualTo("none");
    }

    private static BrokerRecords.Appended appended(long records, long bytes) {
        return new BrokerRecords.Appended(records, bytes);
    }
}
