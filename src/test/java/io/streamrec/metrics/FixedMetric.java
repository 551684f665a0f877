package io.streamrec.metrics;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** A Kafka client metric that always reads {@code metricValue}: what tests feed code reading {@code metrics()} maps. */
public record FixedMetric(MetricName metricName, Object metricValue) implements Metric {
}
