package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventIdTest {
    @Test
    void readsTheNumbersFromTheEndSoPrefixedTopicsWork() {
        assertThat(EventId.parse("interactions-1-109", "interactions")).isEqualTo(new EventId("interactions", 1, 109));
        assertThat(EventId.parse("shop-1.interactions-3-0", "shop-1.interactions").partition()).isEqualTo(3);
        assertThat(new EventId("interactions", 2, 7).id()).isEqualTo("interactions-2-7");
    }

    @Test
    void aMalformedIdIsABadRequestSayingWhatIsExpected() {
        for (String bad : new String[] {"bogus", "interactions-1", "-1-2", "interactions-x-2", "interactions-1-y",
                "interactions-1-99999999999999999999"}) {
            assertThatThrownBy(() -> EventId.parse(bad, "interactions")).as(bad).isInstanceOf(ApiError.class)
                    .hasMessageContaining("<topic>-<partition>-<offset>")
                    .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(400));
        }
        assertThatThrownBy(() -> EventId.parse("items-1-2", "interactions")).isInstanceOf(ApiError.class)
                .hasMessageContaining("topic 'items'");
    }
}
