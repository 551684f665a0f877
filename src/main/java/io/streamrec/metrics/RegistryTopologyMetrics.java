package io.streamrec.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.streamrec.avro.EventType;
import io.streamrec.topology.RejectCategory;
import io.streamrec.topology.TopologyMetrics;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The topology's reports as Micrometer meters. Every meter is created up front, one per event
 * type and reject category, so a stream thread only increments (no registry look-up per event)
 * and /metrics shows every series from the start, zeros included.
 */
final class RegistryTopologyMetrics implements TopologyMetrics {
    /** UNKNOWN never reaches learning (validation rejects it), so it gets no series. */
    static final Set<EventType> LEARNABLE = EnumSet.complementOf(EnumSet.of(EventType.UNKNOWN));

    private final Map<EventType, Counter> learned = new EnumMap<>(EventType.class);
    private final Map<RejectCategory, Counter> deadLetters = new EnumMap<>(RejectCategory.class);
    private final Map<EventType, Counter> liveTests = new EnumMap<>(EventType.class);
    /** Per type, one counter per cutoff of {@link HitCutoffs}: hit when rank <= cutoff. */
    private final Map<EventType, Counter[]> liveHits = new EnumMap<>(EventType.class);
    private final HitCutoffs cutoffs;
    private final Timer refresh;

    RegistryTopologyMetrics(MeterRegistry registry, HitCutoffs cutoffs) {
        this.cutoffs = cutoffs;
        for (EventType type : LEARNABLE) {
            learned.put(type, Counter.builder("streamrec.events.learned").tag("type", type.name())
                    .description("Events that went through the user-side learning step").register(registry));
            liveTests.put(type, Counter.builder("streamrec.live.tests").tag("type", type.name())
                    .description("Events on an item new to a user who had a list: each one a live test of that list")
                    .register(registry));
            Counter[] hits = new Counter[cutoffs.size()];
            for (int i = 0; i < hits.length; i++) {
                hits[i] = Counter.builder("streamrec.live.hits").tag("type", type.name())
                        .tag("at", Integer.toString(cutoffs.at(i)))
                        .description("Live tests whose item was in the top 'at' of the user's last list (HR@at = hits / tests)")
                        .register(registry);
            }
            liveHits.put(type, hits);
        }
        for (RejectCategory category : RejectCategory.values()) {
            deadLetters.put(category, Counter.builder("streamrec.dead.letters").tag("reason", category.label())
                    .description("Records sent to the dead-letter topic, by category of reason").register(registry));
        }
        refresh = LatencyBuckets.on(Timer.builder("streamrec.refresh").description("Time to recompute one user's list"))
                .register(registry);
    }

    @Override
    public void learned(EventType type) {
        count(learned.get(type));
    }

    @Override
    public void deadLettered(RejectCategory category) {
        deadLetters.get(category).increment();
    }

    @Override
    public void refreshed(long nanos) {
        refresh.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean measuresLiveQuality() {
        return true;
    }

    @Override
    public void liveTest(EventType type, int rank) {
        count(liveTests.get(type));
        Counter[] hits = liveHits.get(type);
        if (rank <= 0 || hits == null) {
            return;
        }
        for (int i = 0; i < hits.length; i++) {
            if (rank <= cutoffs.at(i)) {
                hits[i].increment();
            }
        }
    }

    /** A type without a series (UNKNOWN, should validation ever let one through) must not fail the event. */
    private static void count(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }

    Map<EventType, Counter> learnedCounters() {
        return learned;
    }

    Map<RejectCategory, Counter> deadLetterCounters() {
        return deadLetters;
    }

    Map<EventType, Counter> liveTestCounters() {
        return liveTests;
    }

    Map<EventType, Counter[]> liveHitCounters() {
        return liveHits;
    }

    Timer refreshTimer() {
        return refresh;
    }
}
