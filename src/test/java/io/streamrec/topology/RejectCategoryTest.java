package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.events.Validation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reasons Validation really gives fall in the right category, so a rewording cannot silently become "other". */
class RejectCategoryTest {
    private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private final Validation validation = Validation.defaults();

    @Test
    void everyValidationReasonHasItsCategory() {
        assertThat(categoryOf(event().setUser(" "))).isEqualTo(RejectCategory.BAD_ID);
        assertThat(categoryOf(event().setItem("x".repeat(300)))).isEqualTo(RejectCategory.BAD_ID);
        assertThat(categoryOf(event().setItem("a\u0000b"))).isEqualTo(RejectCategory.BAD_ID);
        assertThat(categoryOf(event().setType(EventType.UNKNOWN))).isEqualTo(RejectCategory.UNKNOWN_TYPE);
        assertThat(categoryOf(event().setValue(Double.POSITIVE_INFINITY))).isEqualTo(RejectCategory.NON_FINITE);
        assertThat(categoryOf(event().setTimestamp(Instant.ofEpochMilli(1_000)))).isEqualTo(RejectCategory.BAD_TIMESTAMP);
        assertThat(categoryOf(event().setTimestamp(Instant.ofEpochMilli(NOW + 7L * 86_400_000))))
                .isEqualTo(RejectCategory.BAD_TIMESTAMP);
    }

    @Test
    void theProcessorsReasonsHaveTheirCategory() {
        assertThat(RejectCategory.of("malformed Avro Interaction: bad marker")).isEqualTo(RejectCategory.MALFORMED);
        assertThat(RejectCategory.of("malformed Avro Item: bad marker")).isEqualTo(RejectCategory.MALFORMED);
        assertThat(RejectCategory.of("tombstone without a user id key")).isEqualTo(RejectCategory.BAD_KEY);
        assertThat(RejectCategory.of("item record without an item id key")).isEqualTo(RejectCategory.BAD_KEY);
        assertThat(RejectCategory.of("record key 'a' is not the item id 'b'")).isEqualTo(RejectCategory.BAD_KEY);
        assertThat(RejectCategory.of("learning failed: java.lang.IllegalStateException"))
                .isEqualTo(RejectCategory.LEARNING_FAILED);
        assertThat(RejectCategory.of("something new")).isEqualTo(RejectCategory.OTHER);
        assertThat(RejectCategory.BAD_TIMESTAMP.label()).isEqualTo("bad_timestamp");
    }

    private RejectCategory categoryOf(Interaction.Builder event) {
        String reason = validation.check(event.build(), NOW);
        assertThat(reason).isNotNull();
        return RejectCategory.of(reason);
    }

    private static Interaction.Builder event() {
        return Interaction.newBuilder().setUser("u").setItem("i").setType(EventType.CLICK)
                .setTimestamp(Instant.ofEpochMilli(NOW));
    }
}
