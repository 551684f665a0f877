package io.streamrec.serving;

import io.javalin.Javalin;
import io.streamrec.model.Explainer;
import io.streamrec.model.GroupRecommender;
import io.streamrec.model.ItemIndex;
import io.streamrec.model.ListPolicy;
import io.streamrec.model.Recommender;
import io.streamrec.topology.TopologySettings;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The versioned JSON API every instance serves; see the README for each endpoint. */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin server;

    private HttpApi(Javalin server) {
        this.server = server;
    }

    /**
     * @param self this instance as other instances reach it (Kafka Streams' application.server)
     */
    public static HttpApi start(String bindHost, HostInfo self, KafkaStreams streams, ItemIndex index,
                                TopologySettings settings, Producer<String, byte[]> producer) {
        Recommender recommender = new Recommender(settings.model(), index);
        KeyRouter router = new KeyRouter(streams, self);
        int maxId = settings.validation().maxIdLength();
        ListPolicy defaults = ListPolicy.of(settings.rules());
        UserStates users = new UserStates(streams, router, maxId);
        RecommendationsResource recommendations = new RecommendationsResource(streams, router, recommender, index,
                users, defaults, maxId, settings.refresh().listSize());
        ItemsResource items = new ItemsResource(index, recommender, defaults, maxId);
        GroupsResource groups = new GroupsResource(new GroupRecommender(recommender, index), users, defaults, maxId);
        ContextResource context = new ContextResource(recommender, index, settings.model(), router, users, defaults,
                maxId);
        ExplanationsResource explanations = new ExplanationsResource(new Explainer(settings.model(), index), index,
                router, users, maxId);
        EventsResource events = new EventsResource(producer, settings.topics().interactions(), settings.validation());
        ClusterResource cluster = new ClusterResource(streams, router, index);

        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/v1/users/{userId}/recommendations", recommendations::get);
            config.routes.get("/v1/users/{userId}/because/{itemId}", explanations::because);
            config.routes.post("/v1/groups/recommendations", groups::post);
            config.routes.post("/v1/recommendations/context", context::post);
            config.routes.get(UserStates.INTERNAL_PATH + "{userId}/state", users::internal);
            config.routes.get("/v1/items/{itemId}/similar", items::similar);
            config.routes.get("/v1/trending", items::trending);
            config.routes.post("/v1/events", events::post);
            config.routes.get("/v1/instances", cluster::instances);
            config.routes.get("/health", cluster::health);
            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error serving {}", ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error: " + e));
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
        }).start(bindHost, self.port());
        return new HttpApi(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
