package io.streamrec.config;

import io.streamrec.avro.EventType;
import io.streamrec.events.Validation;
import io.streamrec.model.policy.BusinessRules;
import io.streamrec.model.EventWeights;
import io.streamrec.model.Lifecycle;
import io.streamrec.model.ModelParams;
import io.streamrec.model.content.ContentEncoderSettings;
import io.streamrec.model.ranker.RankerSettings;
import io.streamrec.topology.RefreshPolicy;
import io.streamrec.topology.Topics;
import io.streamrec.topology.TopologySettings;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All of streamrec's configuration: one documented table of keys with defaults, read from a
 * properties file and command-line overrides, validated at start-up. Keys not starting with
 * {@code streamrec.} are Kafka client and Streams settings (security included) and pass through
 * untouched.
 */
public final class StreamrecConfig {
    /** One configuration key: its name, default and what it does. */
    public record Key(String name, String defaultValue, String doc) {}

    private static final List<Key> KEYS = new ArrayList<>();
    /** Every key with this prefix is streamrec's own and must be one of {@link #keys()}. */
    private static final String PREFIX = "streamrec.";

    public static final Key BOOTSTRAP_SERVERS = key("bootstrap.servers", "localhost:9092",
            "Kafka brokers to connect to (the demo starts its own and sets this).");
    public static final Key APPLICATION_ID = key("application.id", Topics.DEFAULT_APPLICATION_ID,
            "Kafka Streams application id: instances with the same id share the work. [A-Za-z0-9._-] only.");
    public static final Key STATE_DIR = key("state.dir", "streamrec-state",
            "Where RocksDB state stores live.");
    public static final Key ROCKSDB_MEMORY_BYTES = key("streamrec.rocksdb.memory.bytes", "auto",
            "Off-heap memory all RocksDB stores of the process share (block cache, index and filter blocks, and "
            + "memtables, which may take half of it), in bytes. auto: an eighth of the memory the JVM sees (a "
            + "container's limit), 128 MiB in a 1 GiB container; 0: Kafka Streams' own per-store RocksDB memory, "
            + "which grows with every store and partition an instance holds.");
    public static final Key PROCESSING_GUARANTEE = key("processing.guarantee", "exactly_once_v2",
            "exactly_once_v2: a crash never applies an event twice or loses it.");
    public static final Key COMMIT_INTERVAL_MS = key("commit.interval.ms", "100",
            "How often results become visible downstream (transactions commit).");
    public static final Key MAX_TASK_IDLE_MS = key("max.task.idle.ms", "-1",
            "-1: process each input as soon as it arrives. Re-keyed events are late by nature, so waiting to "
            + "interleave them with `interactions` (Kafka's default 0) only adds up to a fetch wait of latency.");
    public static final Key FETCH_MIN_BYTES = key("main.consumer.fetch.min.bytes", "32768",
            "A stream thread's fetch waits for this much data (or the wait below). With Kafka's 1 byte, every "
            + "few records made a fetch and a pass of the processing loop: 8-23% more CPU per event at 1,000-1,500/s.");
    public static final Key FETCH_MAX_WAIT_MS = key("main.consumer.fetch.max.wait.ms", "25",
            "The longest a stream thread's fetch waits for that much data (Kafka's default 500): the most "
            + "it adds to an event's latency on a quiet topic.");
    public static final Key STANDBY_REPLICAS = key("num.standby.replicas", "1",
            "Warm copies of each state store on other instances, for fast failover and stale reads.");
    public static final Key TOPIC_PREFIX = key("streamrec.topic.prefix", "",
            "Prefix of every topic name, e.g. 'shop1.' gives 'shop1.interactions'.");
    public static final Key TOPIC_PARTITIONS = key("streamrec.topic.partitions", "4",
            "Partitions of the topics streamrec creates (existing topics are left as they are).");
    public static final Key TOPIC_REPLICATION = key("streamrec.topic.replication.factor", "-1",
            "Replication factor of topics streamrec creates; -1 takes the broker's default.");
    public static final Key HTTP_HOST = key("streamrec.http.host", "localhost",
            "Interface the HTTP API binds to.");
    public static final Key HTTP_PORT = key("streamrec.http.port", "8080",
            "Port of the HTTP API.");
    public static final Key HTTP_ADVERTISED_HOST = key("streamrec.http.advertised.host", "",
            "Host name other instances use to forward requests here; empty means streamrec.http.host.");
    public static final Key MODEL_DIMENSIONS = key("streamrec.model.dimensions",
            String.valueOf(ModelParams.defaults().dimensions()), "Length of user and item vectors.");
    public static final Key MODEL_LEARNING_RATE = key("streamrec.model.learning.rate",
            String.valueOf(ModelParams.defaults().learningRate()), "SGD step size.");
    public static final Key MODEL_REGULARIZATION = key("streamrec.model.regularization",
            String.valueOf(ModelParams.defaults().regularization()), "L2 penalty on updated vectors.");
    public static final Key MODEL_NEGATIVES = key("streamrec.model.negatives",
            String.valueOf(ModelParams.defaults().negatives()), "Negative items sampled per event (BPR).");
    public static final Key MODEL_RECENT_ITEMS = key("streamrec.model.recent.items",
            String.valueOf(ModelParams.defaults().recentItems()), "Distinct recent items kept per user.");
    public static final Key MODEL_COVISIT_WINDOW = key("streamrec.model.covisit.window",
            String.valueOf(ModelParams.defaults().coVisitWindow()),
            "How many recent items a new item is paired with for co-visitation and scoring; "
                    + "users with fewer events are young (their band may get popular lists).");
    public static final Key MODEL_NEIGHBOURS = key("streamrec.model.neighbours",
            String.valueOf(ModelParams.defaults().neighbours()), "Co-visitation neighbours kept per item.");
    public static final Key MODEL_POPULARITY_HALF_LIFE_MS = key("streamrec.model.popularity.half.life.ms",
            String.valueOf(ModelParams.defaults().popularityHalfLifeMs()), "Half-life of trending popularity.");
    public static final Key MODEL_RECENCY_DECAY = key("streamrec.model.recency.decay",
            String.valueOf(ModelParams.defaults().recencyDecay()),
            "Weight of the k-th most recent item in co-visitation scoring is decay^k: newer items say more.");
    public static final Key MODEL_PAIR_DECAY = key("streamrec.model.pair.decay",
            String.valueOf(ModelParams.defaults().pairDecay()),
            "Co-visitation pairs learned from items d steps apart in a user's sequence count decay^(d-1).");
    public static final Key MODEL_COVISIT_CANDIDATES = key("streamrec.model.covisit.candidates",
            String.valueOf(ModelParams.defaults().coVisitCandidates()),
            "Best co-visited items scored per refresh (with the trending pool); a full scan only when they run out.");
    public static final Key BLEND_EMBEDDING = key("streamrec.blend.embedding",
            String.valueOf(ModelParams.defaults().embeddingWeight()), "Blend weight of the embedding score.");
    public static final Key BLEND_COVISITATION = key("streamrec.blend.covisitation",
            String.valueOf(ModelParams.defaults().coVisitationWeight()), "Blend weight of co-visitation.");
    public static final Key BLEND_POPULARITY = key("streamrec.blend.popularity",
            String.valueOf(ModelParams.defaults().popularityWeight()), "Blend weight of decayed popularity.");
    public static final Key BLEND_CONTENT = key("streamrec.blend.content",
            String.valueOf(ModelParams.defaults().contentWeight()),
            "Blend weight of content (TF-IDF cosine of categories, tags and title words with the user's recent items); 0 = off.");
    public static final Key MODEL_CONTENT_START = key("streamrec.model.content.start",
            String.valueOf(ModelParams.defaults().contentStart()),
            "true: a new item's vector starts from the used items closest in content; false: from the mean of items sharing its categories and tags.");
    public static final Key MODEL_CONTENT_ENCODER = key("streamrec.model.content.encoder",
            ContentEncoderSettings.defaults().encoder().configName(),
            "What content similarity is: tfidf, the cosine of hashed TF-IDF vectors of categories, tags and title words; "
            + "autoencoder, the cosine of dense codes an autoencoder learns from those vectors (trained on the catalogue, "
            + "again every 500 catalogue changes); both, the mean of the two cosines. autoencoder and both are for "
            + "evaluate only: a running instance refuses them.");
    public static final Key FUSION_ADAPTIVE = key("streamrec.fusion.adaptive",
            String.valueOf(ModelParams.defaults().fusionAdaptive()),
            "true: blend weights adapt online, crediting the source of each listed item a user then picks; false: fixed weights.");
    public static final Key FUSION_LEARNING_RATE = key("streamrec.fusion.learning.rate",
            String.valueOf(ModelParams.defaults().fusionLearningRate()),
            "Step of the multiplicative update of adaptive blend weights (each stays within 1/4..4 times its configured value).");
    public static final Key RANKER_LEARNED = key("streamrec.ranker.learned",
            String.valueOf(RankerSettings.defaults().learned()),
            "true: personal lists are ranked by a ranker learned from users' picks, starting from the blend weights; false: the fixed blend.");
    public static final Key RANKER_HIDDEN = key("streamrec.ranker.hidden",
            String.valueOf(RankerSettings.defaults().hidden()), "Hidden units of the learned ranker's one hidden layer.");
    public static final Key RANKER_LEARNING_RATE = key("streamrec.ranker.learning.rate",
            String.valueOf(RankerSettings.defaults().learningRate()), "Adam's step size for the learned ranker.");
    public static final Key RANKER_STEP_EVERY = key("streamrec.ranker.step.every",
            String.valueOf(RankerSettings.defaults().stepEvery()), "New ranking examples between two training steps once the window is full; proportionally fewer while it fills.");
    public static final Key RANKER_BATCH = key("streamrec.ranker.batch",
            String.valueOf(RankerSettings.defaults().batch()), "Ranking examples per training step once the window is full; while it fills, the share the window holds (at least 32).");
    public static final Key RANKER_WINDOW = key("streamrec.ranker.window",
            String.valueOf(RankerSettings.defaults().window()), "How many of the newest ranking examples a step draws its batch from.");
    public static final Key RANKER_NEGATIVES = key("streamrec.ranker.negatives",
            String.valueOf(RankerSettings.defaults().negatives()),
            "Candidates not picked per ranking example, drawn at random from the list's candidates.");
    public static final Key EVENT_WEIGHTS = key("streamrec.event.weights",
            format(EventWeights.defaults().asMap()),
            "Learning weight per event type, TYPE:weight pairs, relative to the traffic's mean weight; types left out are not learned from.");
    public static final Key REFRESH_DEBOUNCE_MS = key("streamrec.refresh.debounce.ms",
            String.valueOf(RefreshPolicy.defaults().debounceMs()),
            "A user's list is refreshed at most this long after the first new event (purchases: at once).");
    public static final Key REFRESH_CHECK_INTERVAL_MS = key("streamrec.refresh.check.interval.ms",
            String.valueOf(RefreshPolicy.defaults().checkIntervalMs()), "How often due refreshes are run.");
    public static final Key REFRESH_BEHIND_SHARE = key("streamrec.refresh.behind.share",
            String.valueOf(RefreshPolicy.defaults().behindShare()),
            "While the input waits longer than streamrec.refresh.behind.ms, the most of each user-side stream "
                    + "thread's time refreshes may take, whatever its number of partitions, in (0, 1]; learning "
                    + "keeps the rest and waiting users get one list for all their new events.");
    public static final Key REFRESH_BEHIND_MS = key("streamrec.refresh.behind.ms", "1000",
            "How long events may wait in the input (its lag over the rate it is read at) before refreshes "
                    + "yield to learning.");
    public static final Key RECOMMENDATIONS_SIZE = key("streamrec.recommendations.size",
            String.valueOf(RefreshPolicy.defaults().listSize()),
            "Items per emitted list; the largest n a lookup may ask for.");
    public static final Key ITEM_PUBLISH_INTERVAL_MS = key("streamrec.item.publish.interval.ms",
            String.valueOf(RefreshPolicy.defaults().itemPublishIntervalMs()),
            "How often changed item vectors are published to every instance.");
    public static final Key ITEM_PUBLISH_INTERVAL_BEHIND_MS = key("streamrec.item.publish.interval.behind.ms",
            String.valueOf(RefreshPolicy.defaults().itemPublishIntervalBehindMs()),
            "How often changed items are published while the input is behind (streamrec.refresh.behind.ms): "
                    + "a publication costs the same however many events it carries, so fewer leave the cores to learning.");
    public static final Key MAX_ID_LENGTH = key("streamrec.validation.max.id.length",
            String.valueOf(Validation.defaults().maxIdLength()), "Longest accepted user or item id.");
    public static final Key MIN_TIMESTAMP_MS = key("streamrec.validation.min.timestamp.ms",
            String.valueOf(Validation.defaults().minTimestampMs()),
            "Earliest accepted event time (default 1990-01-01; catches seconds sent as milliseconds).");
    public static final Key MAX_FUTURE_MS = key("streamrec.validation.max.future.ms",
            String.valueOf(Validation.defaults().maxFutureMs()), "How far in the future an event time may be.");
    public static final Key LIFECYCLE_MIN_USER_EVENTS = key("streamrec.lifecycle.min.user.events",
            String.valueOf(Lifecycle.defaults().minUserEvents()),
            "Events a user needs before getting a vector; until then their lists are trending.");
    public static final Key LIFECYCLE_MIN_ITEM_USERS = key("streamrec.lifecycle.min.item.users",
            String.valueOf(Lifecycle.defaults().minItemUsers()),
            "Distinct users an item needs before it enters the item index (items described on `items` enter at once).");
    public static final Key LIFECYCLE_USER_TTL_MS = key("streamrec.lifecycle.user.ttl.ms",
            String.valueOf(Lifecycle.defaults().userTtlMs()),
            "A user without events for this long (event time) is forgotten as if deleted; 0: never.");
    public static final Key LIFECYCLE_ITEM_TTL_MS = key("streamrec.lifecycle.item.ttl.ms",
            String.valueOf(Lifecycle.defaults().itemTtlMs()),
            "An item without events for this long (event time) and not in the catalogue is removed everywhere; 0: never.");
    public static final Key LIFECYCLE_CHECK_INTERVAL_MS = key("streamrec.lifecycle.check.interval.ms",
            String.valueOf(Lifecycle.defaults().checkIntervalMs()), "How often idle users and items are looked for.");
    public static final Key HTTP_AUTH_TOKEN = key("streamrec.http.auth.token", "",
            "Bearer token required by write endpoints (POST /v1/events, PUT and DELETE /v1/items/..., "
            + "DELETE /v1/users/...) and internal state reads (/v1/internal/...); empty: no auth. Never logged.");

    public static final Key RULES_INCLUDE_CATEGORIES = key("streamrec.rules.include.categories", "",
            "Comma-separated categories: when set, every list (emitted and HTTP) holds only items in one of them.");
    public static final Key RULES_EXCLUDE_CATEGORIES = key("streamrec.rules.exclude.categories", "",
            "Comma-separated categories never recommended.");
    public static final Key RULES_EXCLUDE_ITEMS = key("streamrec.rules.exclude.items", "",
            "Comma-separated item ids never recommended.");
    public static final Key RULES_BOOST = key("streamrec.rules.boost", "",
            "category:weight or tag:weight pairs, comma-separated: scores of matching items are multiplied by weight.");
    public static final Key RULES_MIN_PRICE = key("streamrec.rules.min.price", "",
            "When set, items priced below are never recommended (items without a price pass).");
    public static final Key RULES_MAX_PRICE = key("streamrec.rules.max.price", "",
            "When set, items priced above are never recommended (items without a price pass).");

    private final Map<String, String> values;

    private StreamrecConfig(Map<String, String> values) {
        this.values = values;
    }

    /** Every key streamrec itself defines, in documentation order. */
    public static List<Key> keys() {
        return Collections.unmodifiableList(KEYS);
    }

    public static StreamrecConfig defaults() {
        return of(Map.of());
    }

    /** Settings from a properties file (may be null), then overrides; validated. */
    public static StreamrecConfig load(Path file, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            Properties props = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            props.stringPropertyNames().forEach(name -> values.put(name, props.getProperty(name).trim()));
        }
        values.putAll(overrides);
        return of(values);
    }

    public static StreamrecConfig of(Map<String, String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach(key -> values.put(key.name(), key.defaultValue()));
        values.putAll(settings);
        StreamrecConfig config = new StreamrecConfig(values);
        config.validate();
        return config;
    }

    public StreamrecConfig with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return of(copy);
    }

    public String get(Key key) {
        return values.get(key.name());
    }

    public int getInt(Key key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be an integer, was '" + get(key) + "'");
        }
    }

    public long getLong(Key key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be an integer, was '" + get(key) + "'");
        }
    }

    public boolean getBoolean(Key key) {
        String value = get(key).trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key.name() + " must be true or false, was '" + get(key) + "'");
        }
        return value.equals("true");
    }

    public double getDouble(Key key) {
        try {
            double value = Double.parseDouble(get(key));
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be a number, was '" + get(key) + "'");
        }
    }

    public Topics topics() {
        return new Topics(get(TOPIC_PREFIX), get(APPLICATION_ID));
    }

    public TopologySettings topologySettings() {
        return new TopologySettings(topics(), modelParams(), eventWeights(),
                new Validation(getInt(MAX_ID_LENGTH), getLong(MIN_TIMESTAMP_MS), getLong(MAX_FUTURE_MS)),
                new RefreshPolicy(getLong(REFRESH_DEBOUNCE_MS), getLong(REFRESH_CHECK_INTERVAL_MS),
                        getInt(RECOMMENDATIONS_SIZE), itemPublishIntervalMs(),
                        getLong(ITEM_PUBLISH_INTERVAL_BEHIND_MS), getDouble(REFRESH_BEHIND_SHARE)),
                businessRules(), lifecycle(),
                rankerSettings());
    }

    public Lifecycle lifecycle() {
        return new Lifecycle(getInt(LIFECYCLE_MIN_USER_EVENTS), getInt(LIFECYCLE_MIN_ITEM_USERS),
                getLong(LIFECYCLE_USER_TTL_MS), getLong(LIFECYCLE_ITEM_TTL_MS), getLong(LIFECYCLE_CHECK_INTERVAL_MS));
    }

    /** How often what events owe items is applied and published: the delay before others' events reach a list. */
    public long itemPublishIntervalMs() {
        return getLong(ITEM_PUBLISH_INTERVAL_MS);
    }

    /** The configured default rules, applied to every list. */
    public BusinessRules businessRules() {
        List<String> include = list(RULES_INCLUDE_CATEGORIES);
        try {
            return new BusinessRules(include.isEmpty() ? null : new HashSet<>(include),
                    new HashSet<>(list(RULES_EXCLUDE_CATEGORIES)), new HashSet<>(list(RULES_EXCLUDE_ITEMS)),
                    BusinessRules.parseBoosts(list(RULES_BOOST)), optionalDouble(RULES_MIN_PRICE),
                    optionalDouble(RULES_MAX_PRICE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("streamrec.rules.*: " + e.getMessage(), e);
        }
    }

    /** A comma-separated value as its non-blank trimmed parts. */
    public List<String> list(Key key) {
        return Arrays.stream(get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Double optionalDouble(Key key) {
        return get(key).isBlank() ? null : getDouble(key);
    }

    public ModelParams modelParams() {
        ModelParams defaults = ModelParams.defaults();
        return new ModelParams(getInt(MODEL_DIMENSIONS), (float) getDouble(MODEL_LEARNING_RATE),
                (float) getDouble(MODEL_REGULARIZATION), getInt(MODEL_NEGATIVES), defaults.initStd(),
                getInt(MODEL_RECENT_ITEMS), getInt(MODEL_COVISIT_WINDOW), getInt(MODEL_NEIGHBOURS),
                getLong(MODEL_POPULARITY_HALF_LIFE_MS), getDouble(BLEND_EMBEDDING), getDouble(BLEND_COVISITATION),
                getDouble(BLEND_POPULARITY), getDouble(MODEL_RECENCY_DECAY), getDouble(MODEL_PAIR_DECAY),
                getInt(MODEL_COVISIT_CANDIDATES), getDouble(BLEND_CONTENT), getBoolean(MODEL_CONTENT_START),
                getBoolean(FUSION_ADAPTIVE), getDouble(FUSION_LEARNING_RATE));
    }

    public ContentEncoderSettings contentEncoderSettings() {
        try {
            return ContentEncoderSettings.of(ContentEncoderSettings.Encoder.parse(get(MODEL_CONTENT_ENCODER)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MODEL_CONTENT_ENCODER.name() + " " + e.getMessage(), e);
        }
    }

    public RankerSettings rankerSettings() {
        return new RankerSettings(getBoolean(RANKER_LEARNED), getInt(RANKER_HIDDEN), getDouble(RANKER_LEARNING_RATE),
                getInt(RANKER_STEP_EVERY), getInt(RANKER_BATCH), getInt(RANKER_WINDOW), getInt(RANKER_NEGATIVES));
    }

    public EventWeights eventWeights() {
        Map<String, Double> weights = new TreeMap<>();
        for (String pair : get(EVENT_WEIGHTS).split(",")) {
            String[] parts = pair.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(EVENT_WEIGHTS.name() + " must be TYPE:weight pairs separated by "
                        + "commas, got '" + pair.trim() + "'");
            }
            try {
                double weight = Double.parseDouble(parts[1].trim());
                require(weight > 0 && Double.isFinite(weight), EVENT_WEIGHTS.name() + ": weight of "
                        + parts[0].trim() + " must be a positive number, was " + parts[1].trim());
                weights.put(parts[0].trim().toUpperCase(Locale.ROOT), weight);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(EVENT_WEIGHTS.name() + ": weight of " + parts[0].trim()
                        + " must be a number, got '" + parts[1].trim() + "'");
            }
        }
        return new EventWeights(weights);
    }

    /** The RocksDB memory budget in bytes, {@code auto} resolved against the memory the JVM sees; 0: unbounded. */
    public long rocksDbMemoryBytes() {
        String value = get(ROCKSDB_MEMORY_BYTES).trim();
        if (value.equalsIgnoreCase("auto")) {
            // Container-aware: the JVM reports the cgroup's limit when there is one.
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize() / 8;
        }
        long bytes;
        try {
            bytes = Long.parseLong(value);
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        require(bytes >= 0, ROCKSDB_MEMORY_BYTES.name() + " must be auto, 0 or a number of bytes, was '" + value + "'");
        return bytes;
    }

    public String advertisedHttpHost() {
        String advertised = get(HTTP_ADVERTISED_HOST);
        return advertised.isBlank() ? get(HTTP_HOST) : advertised;
    }

    /**
     * Everything for Kafka clients and Streams: the pass-through keys, and application.server
     * naming this instance's HTTP port so other instances can forward lookups to it.
     */
    public Properties kafkaProperties(int httpPort) {
        Properties props = new Properties();
        values.forEach((name, value) -> {
            if (!name.startsWith(PREFIX)) {
                props.put(name, value);
            }
        });
        props.put("application.server", advertisedHttpHost() + ":" + httpPort);
        return props;
    }

    /** The settings as a printable map, with anything that looks like a secret masked. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((name, value) -> shown.put(name, isSecret(name) && !value.isEmpty() ? "[hidden]" : value));
        return shown;
    }

    @Override
    public String toString() {
        return "StreamrecConfig" + redacted();
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("jaas") || lower.contains("secret")
                || lower.contains("token") || lower.endsWith(".key");
    }

    private void validate() {
        refuseUnknownStreamrecKeys();
        String applicationId = get(APPLICATION_ID);
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(APPLICATION_ID.name() + " may only contain [A-Za-z0-9._-], was '"
                    + applicationId + "'");
        }
        if (get(BOOTSTRAP_SERVERS).isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_SERVERS.name() + " must not be empty");
        }
        String guarantee = get(PROCESSING_GUARANTEE);
        require(guarantee.equals("exactly_once_v2") || guarantee.equals("at_least_once"),
                PROCESSING_GUARANTEE.name() + " must be exactly_once_v2 or at_least_once, was '" + guarantee + "'");
        atLeast(COMMIT_INTERVAL_MS, 0);
        atLeast(MAX_TASK_IDLE_MS, -1);
        atLeast(STANDBY_REPLICAS, 0);
        atLeast(TOPIC_PARTITIONS, 1);
        int replication = getInt(TOPIC_REPLICATION);
        require(replication == -1 || replication > 0, TOPIC_REPLICATION.name() + " must be -1 or > 0, was "
                + replication);
        int port = getInt(HTTP_PORT);
        require(port >= 0 && port <= 65535, HTTP_PORT.name() + " must be in 0..65535, was " + port);
        String token = get(HTTP_AUTH_TOKEN);
        require(token.isEmpty() || token.length() >= 16 && token.chars().noneMatch(Character::isWhitespace),
                HTTP_AUTH_TOKEN.name() + " must be empty (no auth) or at least 16 characters without spaces");
        rocksDbMemoryBytes();
        validateModel();
        atLeast(REFRESH_DEBOUNCE_MS, 0);
        atLeast(REFRESH_CHECK_INTERVAL_MS, 1);
        double share = getDouble(REFRESH_BEHIND_SHARE);
        require(share > 0 && share <= 1, REFRESH_BEHIND_SHARE.name() + " must be in (0, 1], was " + share);
        atLeast(REFRESH_BEHIND_MS, 1);
        atLeast(ITEM_PUBLISH_INTERVAL_BEHIND_MS, 1);
        atLeast(RECOMMENDATIONS_SIZE, 1);
        atLeast(ITEM_PUBLISH_INTERVAL_MS, 1);
        atLeast(MAX_ID_LENGTH, 1);
        atLeast(MIN_TIMESTAMP_MS, 0);
        atLeast(MAX_FUTURE_MS, 0);
        atLeast(LIFECYCLE_MIN_USER_EVENTS, 1);
        atLeast(LIFECYCLE_MIN_ITEM_USERS, 1);
        atLeast(LIFECYCLE_USER_TTL_MS, 0);
        atLeast(LIFECYCLE_ITEM_TTL_MS, 0);
        atLeast(LIFECYCLE_CHECK_INTERVAL_MS, 1);
        validateEventWeights();
        contentEncoderSettings();
        topologySettings();
    }

    /**
     * Keys outside {@code streamrec.} belong to Kafka and pass through; ours are all known, so a
     * misspelt one is a mistake to report, with the key it most likely meant, not a setting to ignore.
     */
    private void refuseUnknownStreamrecKeys() {
        for (String name : values.keySet()) {
            if (name.startsWith(PREFIX) && KEYS.stream().noneMatch(key -> key.name().equals(name))) {
                throw new IllegalArgumentException("unknown setting " + name + " (did you mean "
                        + nearestKey(name) + "?)");
            }
        }
    }

    /** The defined key closest to {@code name} in edit distance; the first in documentation order on a tie. */
    static String nearestKey(String name) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (Key key : KEYS) {
            int distance = editDistance(name, key.name());
            if (distance < best) {
                best = distance;
                nearest = key.name();
            }
        }
        return nearest;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The model's own checks name its fields; these name the keys an operator sets, with the value. */
    private void validateModel() {
        long dimensions = getLong(MODEL_DIMENSIONS);
        require(dimensions >= 1 && dimensions <= 1024, MODEL_DIMENSIONS.name() + " must be in 1..1024, was "
                + dimensions);
        positive(MODEL_LEARNING_RATE);
        nonNegative(MODEL_REGULARIZATION);
        atLeast(MODEL_NEGATIVES, 0);
        atLeast(MODEL_RECENT_ITEMS, 1);
        atLeast(MODEL_COVISIT_WINDOW, 1);
        require(getLong(MODEL_COVISIT_WINDOW) <= getLong(MODEL_RECENT_ITEMS), MODEL_COVISIT_WINDOW.name()
                + " must be <= " + MODEL_RECENT_ITEMS.name() + ", was " + get(MODEL_COVISIT_WINDOW) + " > "
                + get(MODEL_RECENT_ITEMS));
        atLeast(MODEL_NEIGHBOURS, 1);
        atLeast(MODEL_POPULARITY_HALF_LIFE_MS, 1);
        atLeast(MODEL_COVISIT_CANDIDATES, 1);
        for (Key decay : List.of(MODEL_RECENCY_DECAY, MODEL_PAIR_DECAY)) {
            double value = getDouble(decay);
            require(value > 0 && value <= 1, decay.name() + " must be in (0, 1], was " + value);
        }
        for (Key blend : List.of(BLEND_EMBEDDING, BLEND_COVISITATION, BLEND_POPULARITY)) {
            nonNegative(blend);
        }
    }

    private void validateEventWeights() {
        Set<String> known = new TreeSet<>();
        for (EventType type : EventType.values()) {
            if (type != EventType.UNKNOWN) {
                known.add(type.name());
            }
        }
        eventWeights().asMap().forEach((type, weight) -> require(known.contains(type), EVENT_WEIGHTS.name()
                + ": unknown event type '" + type + "' (known: " + String.join(", ", known) + ")"));
    }

    private void atLeast(Key key, long min) {
        long value = getLong(key);
        require(value >= min, key.name() + (min == 1 ? " must be > 0" : " must be >= " + min) + ", was " + value);
    }

    private void positive(Key key) {
        double value = getDouble(key);
        require(value > 0, key.name() + " must be > 0, was " + value);
    }

    private void nonNegative(Key key) {
        double value = getDouble(key);
        require(value >= 0, key.name() + " must be >= 0, was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Key key(String name, String defaultValue, String doc) {
        Key key = new Key(name, defaultValue, doc);
        KEYS.add(key);
        return key;
    }

    private static String format(Map<String, Double> weights) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(weights).forEach((type, weight) -> out.append(out.isEmpty() ? "" : ",")
                .append(type).append(':').append(weight));
        return out.toString();
    }
}
