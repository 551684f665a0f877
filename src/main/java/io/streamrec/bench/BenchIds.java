package io.streamrec.bench;

/** The ids the benchmarks publish, so the lookup benchmark asks for users the load created. */
final class BenchIds {
    static final String USER_PREFIX = "bench-user-";
    static final String ITEM_PREFIX = "bench-item-";

    private BenchIds() {}
}
