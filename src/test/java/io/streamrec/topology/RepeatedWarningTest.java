package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A warning that holds for every record of a kind is written once a minute with its count, not once per record. */
class RepeatedWarningTest {
    @Test
    void theFirstIsWrittenThenAtMostOncePerIntervalWithHowManySince() {
        List<String> written = new ArrayList<>();
        long[] now = {1_000};
        RepeatedWarning warning = new RepeatedWarning("ranking example skipped", written::add, () -> now[0]);

        warning.occurred("format 1, this build reads 2");
        for (int i = 0; i < 500; i++) {
            now[0] += 100;
            warning.occurred("format 1, this build reads 2");
        }
        assertThat(written).as("the first at once, then 50 s passed: none more").containsExactly(
                "ranking example skipped: format 1, this build reads 2");

        now[0] = 1_000 + RepeatedWarning.INTERVAL_MS;
        warning.occurred("format 3, this build reads 2");
        assertThat(written).hasSize(2);
        assertThat(written.get(1)).isEqualTo("ranking example skipped 501 times in the last 60 s (502 in all;"
                + " warned at most once a minute), the latest: format 3, this build reads 2");

        now[0] += RepeatedWarning.INTERVAL_MS - 1;
        warning.occurred("again");
        assertThat(written).as("within a minute of the last one written").hasSize(2);
        now[0] += 1;
        warning.occurred("again");
        assertThat(written.get(2)).startsWith("ranking example skipped 2 times in the last 60 s (504 in all;");
    }
}
