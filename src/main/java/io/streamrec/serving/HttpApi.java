package io.streamrec.serving;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.Explainer;
import io.streamrec.model.GroupRecommender;
import io.streamrec.model.ItemIndex;
import io.streamrec.model.ListPolicy;
import io.streamrec.model.Recommender;
import io.streamrec.topology.TopologySettings;
import java.time.Duration;
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
    private final ReadYourWrites readYourWrites;

    private HttpApi(Javalin server, ReadYourWrites readYourWrites) {
        this.server = server;
        this.readYourWrites = readYourWrites;
    }

    /**
     * @param self this instance as other instances reach it (Kafka Streams' application.server)
     * @param streams the user side's client, whose stores answer lookups
     * @param itemStreams the item side's client (health only)
     * @param authToken bearer token the write endpoints require; empty for none
     */
    public static HttpApi start(String bindHost, HostInfo self, KafkaStreams streams, KafkaStreams itemStreams,
                                ItemIndex index, TopologySettings settings, Producer<String, byte[]> producer,
                                StreamrecMetrics metrics, String authToken) {
        Recommender recommender = new Recommender(settings.model(), index);
        KeyRouter router = new KeyRouter(streams, self, authToken);
        int maxId = settings.validation().maxIdLength();
        ReadYourWrites readYourWrites = new ReadYourWrites(settings.topics().interactions());
        ListPolicy defaults = ListPolicy.of(settings.rules());
        UserStates users = new UserStates(streams, router, maxId);
        RecommendationsResource recommendations = new RecommendationsResource(streams, router, recommender, index,
                users, defaults, maxId, settings.refresh().listSize(), readYourWrites);
        ItemsResource items = new ItemsResource(index, recommender, defaults, maxId);
        GroupsResource groups = new GroupsResource(new GroupRecommender(recommender, index), users, defaults, maxId);
        ContextResource context = new ContextResource(recommender, index, settings.model(), router, users, defaults,
                maxId);
        ExplanationsResource explanations = new ExplanationsResource(new Explainer(settings.model(), index), index,
                router, users, maxId);
        EventsResource events = new EventsResource(producer, settings.topics().interactions(), settings.validation());
        Readiness readiness = Readiness.watch(streams, itemStreams);
        ClusterResource cluster = new ClusterResource(streams, itemStreams, readiness, router, index);
        MetricsResource metricsResource = new MetricsResource(metrics, router, index);
        DashboardResource dashboard = new DashboardResource();
        HealthResource health = new HealthResource(readiness);
        BearerAuth auth = new BearerAuth(authToken);

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
            config.routes.get("/metrics", metricsResource::prometheus);
            config.routes.get("/v1/stats", metricsResource::stats);
            config.routes.get("/", dashboard::page);
            config.routes.get("/dashboard.js", dashboard::script);
            // Called once a request is answered, asynchronous ones included.
            config.requestLogger.http((ctx, ms) -> metrics.httpRequest(ctx.method().name(), routeOf(ctx),
                    ctx.status().getCode(), Duration.ofNanos((long) (ms * 1_000_000))));
            config.routes.get("/health/live", health::live);
            config.routes.get("/health/ready", health::ready);
            config.routes.beforeMatched(auth::check);
            config.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error serving {}", ctx.path(), e);
                ctx.status(500).json(Map.of("error", "internal error: " + e));
            });
            config.routes.error(404, "*", ctx -> {
                // Resources answer their own 404s in JSON; anything else (no such route) is Javalin's plain text.
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
                }
            });
        }).start(bindHost, self.port());
        return new HttpApi(server, readYourWrites);
    }

    /** The matched route template (bounded label values), never the raw path. */
    private static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        readYourWrites.close();
    }
}
