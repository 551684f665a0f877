package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventsResourceTest {
    @Test
    void parsesTheDocumentedBody() {
        Interaction event = EventsResource.parse("""
                {"user":"u1","item":"i9","type":"click","value":4.5,"timestamp":"2026-01-31T12:00:00Z"}""");
        assertThat(event.getUser()).isEqualTo("u1");
        assertThat(event.getItem()).isEqualTo("i9");
        assertThat(event.getType()).isEqualTo(EventType.CLICK);
        assertThat(event.getValue()).isEqualTo(4.5);
        assertThat(event.getTimestamp()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(EventsResource.parse("{\"user\":\"u\",\"item\":\"i\",\"type\":\"VIEW\",\"timestamp\":1700000000000}")
                .getTimestamp().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void badBodiesAreRejectedWithAMessage() {
        assertThatThrownBy(() -> EventsResource.parse("{nope")).hasMessageStartingWith("body is not valid JSON");
        assertThatThrownBy(() -> EventsResource.parse("[1]")).hasMessageStartingWith("body must be a JSON object");
        assertThatThrownBy(() -> EventsResource.parse("{\"item\":\"i\",\"type\":\"VIEW\"}"))
                .hasMessage("user is required and must be a string");
        assertThatThrownBy(() -> EventsResource.parse("{\"user\":\"u\",\"item\":\"i\",\"type\":\"HOVER\"}"))
                .hasMessageStartingWith("type must be one of VIEW, CLICK");
        assertThatThrownBy(() -> EventsResource.parse("{\"user\":\"u\",\"item\":\"i\",\"type\":\"VIEW\",\"value\":\"x\"}"))
                .hasMessage("value must be a number");
        assertThatThrownBy(() -> EventsResource.parse(
                "{\"user\":\"u\",\"item\":\"i\",\"type\":\"VIEW\",\"timestamp\":\"yesterday\"}"))
                .hasMessageContaining("is not ISO-8601");
        assertThat(catchStatus(() -> EventsResource.parse("{}"))).isEqualTo(400);
    }

    private static int catchStatus(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiError e) {
            return e.status();
        }
    }
}
