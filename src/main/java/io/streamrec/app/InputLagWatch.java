package io.streamrec.app;

import io.streamrec.topology.InputLoad;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user side whether its input is behind, from its own consumers' metrics: the records
 * waiting on its source topics over the rate it reads them at is how long an arriving event waits.
 * The rate is the change of the records read between samples, smoothed over about a second; a
 * sample without a lag figure (partitions moving, a thread being replaced) leaves the verdict as
 * it was. Sampled on a thread of its own, so a stream thread only reads a flag. Once behind, the
 * input counts as caught up only when the wait has stayed under half the limit for a second: the
 * lag is the consumer's fetch position's, which a single fetch can bring to 0 for a moment.
 */
final class InputLagWatch implements InputLoad, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InputLagWatch.class);
    private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";
    private static final long SAMPLE_EVERY_MS = 200;
    /** Weight of the newest sample in the smoothed rate: about five samples, a second, carry it. */
    private static final double SMOOTHING = 0.2;
    private static final long CAUGHT_UP_AFTER_NANOS = 1_000_000_000L;

    private final Set<String> topics;
    private final long behindMs;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "streamrec-input-lag");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean behind;
    private double lastRead = Double.NaN;
    private long lastNanos;
    private double perSecond = Double.NaN;
    /** When the wait last went under half the limit while behind; -1 while it is not under. */
    private long underSince = -1;

    /** @param behindMs how long events may wait in the input before it counts as behind */
    InputLagWatch(Set<String> topics, long behindMs) {
        this.topics = topics.stream().map(InputLagWatch::tagged).collect(Collectors.toSet());
        this.behindMs = behindMs;
    }

    /** Samples the metrics of {@code streams}, the client whose topology asks this watch, until closed. */
    void watch(KafkaStreams streams) {
        sampler.scheduleWithFixedDelay(() -> {
            try {
                sample(streams.metrics(), System.nanoTime());
            } catch (RuntimeException e) {
                // Metrics of a client being closed or rebalanced may be read half-built: the next sample will do.
                LOG.debug("input lag sample failed", e);
            }
        }, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean behind() {
        return behind;
    }

    /** Reads the input's lag and records read from {@code metrics}, taken at {@code nanos}, and decides. */
    synchronized void sample(Map<MetricName, ? extends Metric> metrics, long nanos) {
        double lag = 0;
        int partitions = 0;
        double read = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (!FETCH_METRICS.equals(name.group()) || !isStreamThreadConsumer(name.tags().get("client-id"))
                    || !topics.contains(name.tags().get("topic")) || !(entry.getValue().metricValue() instanceof Number n)
                    || !Double.isFinite(n.doubleValue())) {
                continue;
            }
            boolean perPartition = name.tags().containsKey("partition");
            if (perPartition && name.name().equals("records-lag")) {
                lag += Math.max(0, n.doubleValue());
                partitions++;
            } else if (!perPartition && name.name().equals("records-consumed-total")) {
                read += n.doubleValue();
            }
        }
        if (!Double.isNaN(lastRead) && read >= lastRead && nanos > lastNanos) {
            double now = (read - lastRead) * 1e9 / (nanos - lastNanos);
            perSecond = Double.isNaN(perSecond) ? now : perSecond + SMOOTHING * (now - perSecond);
        }
        lastRead = read;
        lastNanos = nanos;
        // No verdict before a rate is known: a starting instance with a few events waiting is not behind.
        if (partitions > 0 && !Double.isNaN(perSecond)) {
            decide(lag, waitMs(lag, perSecond), nanos);
        }
    }

    /** How long an event arriving now waits before it is read, in ms: 0 with nothing waiting, infinite when nothing is read. */
    static double waitMs(double lag, double perSecond) {
        if (lag == 0) {
            return 0;
        }
        return perSecond > 0 ? lag / perSecond * 1000 : Double.POSITIVE_INFINITY;
    }

    private void decide(double lag, double wait, long nanos) {
        boolean now;
        if (!behind) {
            now = wait > behindMs;
        } else if (wait >= behindMs / 2.0) {
            underSince = -1;
            now = true;
        } else {
            underSince = underSince < 0 ? nanos : underSince;
            now = nanos - underSince < CAUGHT_UP_AFTER_NANOS;
        }
        if (!now) {
            underSince = -1;
        }
        if (now != behind) {
            LOG.info("input {} ({} events waiting, read at {}/s): {}", now ? "behind" : "caught up", Math.round(lag),
                    Double.isNaN(perSecond) ? 0 : Math.round(perSecond),
                    now ? "refreshes yield to learning" : "every due list is refreshed");
        }
        behind = now;
    }

    /** A stream thread's main consumer, not the restore or global one: only it reads the events. */
    private static boolean isStreamThreadConsumer(String clientId) {
        return clientId != null && clientId.endsWith("-consumer") && !clientId.endsWith("-restore-consumer")
                && !clientId.endsWith("-global-consumer");
    }

    /** Fetch metrics tag a topic with its dots as underscores. */
    private static String tagged(String topic) {
        return topic.replace('.', '_');
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
