package io.streamrec.serving;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.streamrec.metrics.StreamrecMetrics;
import io.streamrec.model.ranking.Explainer;
import io.streamrec.model.policy.GroupRecommender;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.online.SharedModel;
import io.streamrec.model.policy.ListPolicy;
import io.streamrec.model.ranking.Recommender;
import io.streamrec.topology.TopologySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned JSON API every instance serves; see the README for each endpoint. Every error
 * is {@code {"error": "<what to fix>"}} with its status, whoever refuses the request: a
 * resource, Javalin (413) or Jetty (a URI it cannot decode, a request line too long).
 */
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
                                SharedModel model, TopologySettings settings, Producer<String, byte[]> producer,
                                StreamrecMetrics metrics, String authToken) {
        Recommender recommender = model.recommender();
        ItemIndex index = model.index();
        KeyRouter router = new KeyRouter(streams, self, authToken);
        int maxId = settings.validation().maxIdLength();
        RequestLimits limits = new RequestLimits(maxId, settings.refresh().listSize());
        String interactions = settings.topics().interactions();
        ReadYourWrites readYourWrites = new ReadYourWrites(interactions, new TopicPartitions(producer, interactions));
        ListPolicy defaults = ListPolicy.of(settings.rules());
        UserStates users = new UserStates(streams, router, maxId);
        Publisher publisher = new Publisher(producer);
        RecommendationsResource recommendations = new RecommendationsResource(streams, router, recommender, index,
                users, defaults, limits, readYourWrites);
        ItemsResource items = new ItemsResource(index, recommender, defaults, limits);
        CatalogueResource catalogue = new CatalogueResource(index, publisher, settings.topics().items(), limits);
        ErasureResource erasure = new ErasureResource(publisher, interactions, maxId);
        GroupsResource groups = new GroupsResource(new GroupRecommender(recommender, index), users, defaults, limits);
        ContextResource context = new ContextResource(recommender, index, settings.model(), router, users, defaults,
                limits);
        ExplanationsResource explanations = new ExplanationsResource(new Explainer(settings.model(), index), index,
                router, users, limits);
        EventsResource events = new EventsResource(publisher, interactions, settings.validation());
        Readiness readiness = Readiness.watch(streams, itemStreams);
        ClusterResource cluster = new ClusterResource(streams, itemStreams, readiness, router, index);
        MetricsResource metricsResource = new MetricsResource(metrics, router, index, model.ranker());
        DashboardResource dashboard = new DashboardResource();
        HealthResource health = new HealthResource(readiness);
        BearerAuth auth = new BearerAuth(authToken);

        Set<String> none = Set.of();
        RouteTable routes = new RouteTable()
                .get("/v1/users/{userId}/recommendations", recommendations::get, RecommendationsResource.PARAMS)
                .delete("/v1/users/{userId}", erasure::delete, none)
                .get("/v1/users/{userId}/because/{itemId}", explanations::because, ExplanationsResource.PARAMS)
                .post("/v1/groups/recommendations", groups::post, PolicyParams.NAMES)
                .post("/v1/recommendations/context", context::post, PolicyParams.NAMES)
                .get(UserStates.INTERNAL_PATH + "{userId}/state", users::internal, none)
                .get("/v1/items/{itemId}", catalogue::get, none)
                .put("/v1/items/{itemId}", catalogue::put, none)
                .delete("/v1/items/{itemId}", catalogue::delete, none)
                .get("/v1/items/{itemId}/similar", items::similar, ItemsResource.PARAMS)
                .get("/v1/trending", items::trending, ItemsResource.PARAMS)
                .post("/v1/events", events::post, none)
                .get("/v1/instances", cluster::instances, none)
                .get("/health", cluster::health, none)
                .get("/health/live", health::live, none)
                .get("/health/ready", health::ready, none)
                .get("/metrics", metricsResource::prometheus, none)
                .get("/v1/stats", metricsResource::stats, none)
                .get("/", dashboard::page, DashboardResource.PARAMS)
                .get("/dashboard.js", dashboard::script, none);

        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            routes.registerIn(config.routes);
            // Called once a request is answered, asynchronous ones included.
            config.requestLogger.http((ctx, ms) -> metrics.httpRequest(ctx.method().name(), routeOf(ctx),
                    ctx.status().getCode(), Duration.ofNanos((long) (ms * 1_000_000))));
            // A method the path does not take is a 405 with or without the token.
            config.routes.beforeMatched(ctx -> {
                if (routes.declared(ctx)) {
                    auth.check(ctx);
                }
            });
            config.routes.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                }
                error(ctx, e.status(), e.getMessage());
            });
            // Javalin's own refusals (no such endpoint: 404, a body over the size limit: 413) in the API's format.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error serving {}", ctx.path(), e);
                error(ctx, 500, "internal error: " + e);
            });
            // What Jetty refuses before routing (bad URIs, too long a request line) in the same format.
            config.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorHandler()));
        }).start(bindHost, self.port());
        return new HttpApi(server, readYourWrites);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? HttpStatus.forStatus(status).getMessage() : message));
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
