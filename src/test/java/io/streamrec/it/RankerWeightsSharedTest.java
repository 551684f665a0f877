package io.streamrec.it;

import static io.streamrec.it.ItSupport.await;
import static io.streamrec.it.ItSupport.interaction;
import static io.streamrec.it.ItSupport.item;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamrec.app.StreamrecApp;
import io.streamrec.avro.EventType;
import io.streamrec.avro.Interaction;
import io.streamrec.config.StreamrecConfig;
import io.streamrec.embedded.EmbeddedKafka;
import io.streamrec.it.ItSupport.Http;
import io.streamrec.it.ItSupport.Producer;
import io.streamrec.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The learned ranker's weights on a real broker: the one trainer's versions reach both instances of
 * a deployment, and a deployment started again after both stopped ranks by the same version at
 * once (restored from `ranker-weights`) and trains on from it (its trainer restored from
 * `ranker-state`), rather than from the blend.
 */
class RankerWeightsSharedTest {
    private static final int ITEMS = 12;
    private static final String APPLICATION = "streamrec-ranker";
    /** A step every two examples on batches of four, so a few dozen picks publish several versions. */
    private static final Map<String, String> SMALL_RANKER = Map.of("streamrec.topic.partitions", "2",
            "num.standby.replicas", "0", "streamrec.ranker.hidden", "4", "streamrec.ranker.step.every", "2",
            "streamrec.ranker.batch", "4", "streamrec.ranker.window", "8", "streamrec.ranker.negatives", "3");
    private final Http http = new Http();

    @Test
    void bothInstancesRankByTheNewestWeightsAndARestartedDeploymentGoesOnFromThem() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            long published;
            try (StreamrecApp a = start(kafka); StreamrecApp b = start(kafka)) {
                Topics topics = config(kafka).topics();
                try (Producer producer = new Producer(kafka.bootstrapServers(), topics)) {
                    producer.catalogue(ITEMS);
                    ItSupport.awaitIndexed(http, a, ITEMS);
                    ItSupport.awaitIndexed(http, b, ITEMS);
                    producer.interactions(picks("first", 0));
                }
                long[] onB = new long[1];
                published = await("the same trained version on both instances", () -> {
                    onB[0] = rankerVersion(b);
                    return rankerVersion(a);
                }, version -> version >= 1 && version == onB[0]);
            }

            try (StreamrecApp restarted = start(kafka)) {
                long restored = await("the weights restored before any new pick", () -> rankerVersion(restarted),
                        version -> version >= published);
                try (Producer producer = new Producer(kafka.bootstrapServers(), config(kafka).topics())) {
                    producer.interactions(picks("second", 1));
                }
                // A trainer started again from the blend would publish versions 1, 2, ...: older
                // than the ones installed, so refused, and the version would stay where it was.
                await("versions after the restored one, from the restored trainer", () -> rankerVersion(restarted),
                        version -> version > restored);
            }
        }
    }

    private static StreamrecApp start(EmbeddedKafka kafka) throws InterruptedException {
        StreamrecApp app = StreamrecApp.start(config(kafka));
        app.awaitRunning(Duration.ofSeconds(30));
        return app;
    }

    /** Every instance of this deployment: the same application id, a state folder of its own. */
    private static StreamrecConfig config(EmbeddedKafka kafka) {
        return ItSupport.config(kafka.bootstrapServers(), "ranker.", APPLICATION, SMALL_RANKER);
    }

    /**
     * Users who come back over several rounds to items others used together: from the second round
     * on, their picks are among their candidates, which is what teaches the ranker.
     */
    private static List<Interaction> picks(String group, int shift) {
        List<Interaction> events = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int u = 0; u < 12; u++) {
                events.add(interaction(group + "-user-" + u, item((u + shift + 2 * round) % ITEMS), EventType.VIEW));
            }
        }
        return events;
    }

    /** The version this instance ranks by; -1 while the blend does. */
    private long rankerVersion(StreamrecApp app) {
        JsonNode version = http.get(app.httpUrl() + "/v1/stats").body().path("rankerVersion");
        return version.isNumber() ? version.asLong() : -1;
    }
}
