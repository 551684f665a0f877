package io.streamrec.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final long NOW = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    private final Validation rules = Validation.defaults();

    private static Interaction.Builder event() {
        return Interaction.newBuilder().setUser("u").setItem("i").setType(EventType.VIEW)
                .setTimestamp(Instant.ofEpochMilli(NOW));
    }

    @Test
    void aPlainEventIsValid() {
        assertThat(rules.check(event().build(), NOW)).isNull();
        assertThat(rules.check(event().setValue(4.5).setTimestamp(Instant.parse("1996-03-29T00:00:00Z")).build(), NOW))
                .as("old but plausible, like MovieLens").isNull();
    }

    @Test
    void eachRuleNamesWhatIsWrong() {
        assertThat(rules.check(event().setUser(" ").build(), NOW)).isEqualTo("user id is empty");
        assertThat(rules.check(event().setItem("x".repeat(257)).build(), NOW))
                .isEqualTo("item id is 257 characters, longer than 256");
        assertThat(rules.check(event().setItem("a\u0000b").build(), NOW)).isEqualTo("item id contains a control character");
        assertThat(rules.check(event().setUser("\ud800").build(), NOW))
                .isEqualTo("user id is not valid Unicode: unpaired surrogate \\ud800 at index 0");
        assertThat(rules.check(event().setItem("ok\udc00").build(), NOW)).startsWith("item id is not valid Unicode");
        assertThat(rules.check(event().setUser("\ud83d\ude00").build(), NOW)).as("a surrogate pair").isNull();
        assertThat(rules.check(event().setType(EventType.UNKNOWN).build(), NOW)).isEqualTo("unknown event type");
        assertThat(rules.check(event().setValue(Double.POSITIVE_INFINITY).build(), NOW))
                .isEqualTo("value is not finite: Infinity");
        assertThat(rules.check(event().setTimestamp(Instant.ofEpochMilli(1_700_000_000L)).build(), NOW))
                .startsWith("timestamp 1700000000 is before 1990-01-01").endsWith("(seconds sent as milliseconds?)");
        assertThat(rules.check(event().setTimestamp(Instant.ofEpochMilli(NOW + 2 * 86_400_000L)).build(), NOW))
                .endsWith("ms in the future");
    }
}
