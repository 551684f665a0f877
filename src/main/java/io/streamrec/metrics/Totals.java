package io.streamrec.metrics;

/** The running totals at one moment: what the history keeps per sample. */
record Totals(long timeMs, long learned, long liveTests, long liveHits, long deadLettered) {}
