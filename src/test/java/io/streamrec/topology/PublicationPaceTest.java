package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationPaceTest {
    private boolean behind;
    private final RefreshPolicy policy = RefreshPolicy.defaults().withItemPublishIntervalMs(1000);

    @Test
    void keepingUpEveryIntervalPublishesAndBehindOneInFourThenEveryOneAgainOnceCaughtUp() {
        PublicationPace pace = new PublicationPace(() -> behind, policy);
        List<Boolean> due = new ArrayList<>();
        for (int interval = 0; interval < 12; interval++) {
            behind = interval >= 2 && interval < 10;
            due.add(pace.due());
        }
        assertThat(due).containsExactly(true, true, false, false, false, true, false, false, false, true, true, true);
    }

    @Test
    void aBehindIntervalShorterThanTheIntervalPublishesEveryOne() {
        PublicationPace pace = new PublicationPace(() -> true, policy.withItemPublishIntervalMs(5000));
        assertThat(List.of(pace.due(), pace.due())).containsExactly(true, true);
    }
}
