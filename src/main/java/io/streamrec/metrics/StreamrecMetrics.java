package io.streamrec.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streamrec.avro.EventType;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.topology.TopologyMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One instance's metrics: a Prometheus registry holding Kafka Streams' own metrics, the
 * topology's reports (events learned by type, dead letters by reason, refresh time, live
 * HR@N by type), the item index size and HTTP latency per route; scraped as text for
 * /metrics and summarised as {@link Stats} for the dashboard.
 */
public final class StreamrecMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HitCutoffs cutoffs;
    private final RegistryTopologyMetrics topology;
    private final LiveHistory history;
    private final List<KafkaStreamsMetrics> streamsMetrics = new CopyOnWriteArrayList<>();
    /** Routes are templates and statuses few, so this stays small. */
    private final Map<HttpTimerKey, Timer> httpTimers = new ConcurrentHashMap<>();

    /** @param listSize length of the emitted lists: the largest N of live HR@N */
    public StreamrecMetrics(int listSize) {
        cutoffs = HitCutoffs.forListSize(listSize);
        topology = new RegistryTopologyMetrics(registry, cutoffs);
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        history = new LiveHistory(this::totals);
    }

    /** What the topology reports to. */
    public TopologyMetrics topology() {
        return topology;
    }

    /** Exports a Streams client's metrics; each client's carry its own client-id tag. */
    public void watch(KafkaStreams streams) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        streamsMetrics.add(binder);
    }

    /** Exports the size of this instance's item index. */
    public void watch(ItemIndex index) {
        Gauge.builder("streamrec.item.index.items", index, ItemIndex::size)
                .description("Items in this instance's item index").register(registry);
    }

    /** One HTTP request answered; {@code route} is the matched route template, never the raw path. */
    public void httpRequest(String method, String route, int status, Duration took) {
        // Looked up by a small key: building and registering the timer (its tags, its id) anew for
        // every request was about 800 bytes of garbage per lookup.
        httpTimers.computeIfAbsent(new HttpTimerKey(method, route, status), key -> LatencyBuckets.on(Timer
                .builder("streamrec.http.requests").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).description("HTTP requests by route")).register(registry))
                .record(took);
    }

    private record HttpTimerKey(String method, String route, int status) {}

    /** Every metric in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The totals and the last five minutes, for the dashboard. */
    public Stats stats() {
        List<Totals> samples = history.samplesAndNow();
        Totals now = samples.get(samples.size() - 1);
        Totals recent = samples.get(Math.max(0, samples.size() - 1 - LiveHistory.RATE_WINDOW));

        Map<String, Long> learned = new LinkedHashMap<>();
        topology.learnedCounters().forEach((type, counter) -> putIfCounted(learned, type.name(), counter));
        Map<String, Long> deadLettered = new LinkedHashMap<>();
        topology.deadLetterCounters().forEach((category, counter) -> putIfCounted(deadLettered, category.label(), counter));
        Map<String, Stats.TypeQuality> byType = new LinkedHashMap<>();
        topology.liveTestCounters().forEach((type, tests) -> {
            if (tests.count() > 0) {
                Map<String, Long> hits = new TreeMap<>();
                Counter[] counters = topology.liveHitCounters().get(type);
                for (int i = 0; i < counters.length; i++) {
                    hits.put(Integer.toString(cutoffs.at(i)), (long) counters[i].count());
                }
                byType.put(type.name(), new Stats.TypeQuality((long) tests.count(), hits));
            }
        });
        Timer refresh = topology.refreshTimer();
        return new Stats(now.learned(), learned, LiveHistory.eventsPerSecond(recent, now), now.deadLettered(),
                deadLettered, new Stats.LiveQuality(cutoffs.primary(), now.liveTests(), now.liveHits(),
                        LiveHistory.hitRate(new Totals(0, 0, 0, 0, 0), now), byType),
                new Stats.Refresh(refresh.count(), refresh.mean(TimeUnit.MILLISECONDS), refresh.max(TimeUnit.MILLISECONDS)),
                // Whole-second samples only: a last step of a few milliseconds would draw noise.
                LiveHistory.series(samples.subList(0, samples.size() - 1)));
    }

    private Totals totals() {
        long tests = 0;
        long hits = 0;
        int primary = cutoffs.indexOfPrimary();
        for (EventType type : RegistryTopologyMetrics.LEARNABLE) {
            tests += (long) topology.liveTestCounters().get(type).count();
            hits += (long) topology.liveHitCounters().get(type)[primary].count();
        }
        return new Totals(System.currentTimeMillis(), sum(topology.learnedCounters()), tests, hits,
                sum(topology.deadLetterCounters()));
    }

    private static long sum(Map<?, Counter> counters) {
        return counters.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    private static void putIfCounted(Map<String, Long> into, String key, Counter counter) {
        if (counter.count() > 0) {
            into.put(key, (long) counter.count());
        }
    }

    @Override
    public void close() {
        history.close();
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        registry.close();
    }
}
