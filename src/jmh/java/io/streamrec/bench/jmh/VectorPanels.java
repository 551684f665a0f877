package io.streamrec.bench.jmh;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A batch of users against the catalogue with the JDK Vector API, laid out for it: items in
 * panels of one vector's width (lane = item, one panel row per dimension), so a vector of
 * item scores is a chain of FMAs with the user's broadcast weights and needs no lane
 * reduction. Blocks of panels stay in L2 while every user is scored against them; four users
 * share each panel load, and each vector of scores goes straight to the user's
 * {@link RunningTop} (one compare) instead of into a score array. With more than one thread
 * each scores its own share of the users against the whole catalogue (no shared writes); the
 * panels are read by all.
 */
final class VectorPanels implements FusedKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Users sharing each panel load: 4 users x 2 panels = 8 accumulators, well within 32 registers. */
    private static final int USERS_PER_TILE = 4;

    private final float[] panels;
    private final float[] flatUsers;
    private final int rows;
    private final int dims;
    private final int panelCount;
    private final int blockPanels;
    private final int threads;
    private final ForkJoinPool pool;

    /** {@code blockRows} items per cache block, rounded to whole pairs of panels. */
    VectorPanels(float[] matrix, int rows, float[][] users, int blockRows, int threads) {
        this.threads = threads;
        pool = threads > 1 ? new ForkJoinPool(threads) : null;
        this.rows = rows;
        this.dims = users[0].length;
        flatUsers = Catalogue.flatten(users);
        int pairs = (rows + 2 * LANES - 1) / (2 * LANES);
        panelCount = 2 * pairs;
        blockPanels = Math.max(2, blockRows / LANES / 2 * 2);
        // Padding items past the last row score 0 and are never offered (RunningTop stops at rows).
        panels = new float[panelCount * dims * LANES];
        for (int row = 0; row < rows; row++) {
            int base = (row / LANES) * dims * LANES + row % LANES;
            for (int d = 0; d < dims; d++) {
                panels[base + d * LANES] = matrix[row * dims + d];
            }
        }
    }

    @Override
    public void score(RunningTop[] tops) {
        if (pool == null) {
            scoreUsers(0, tops.length, tops);
            return;
        }
        pool.submit(() -> IntStream.range(0, threads).parallel()
                        .forEach(part -> scoreUsers(shareStart(part, tops.length), shareStart(part + 1, tops.length), tops)))
                .join();
    }

    /** Where a thread's share of the users starts: whole tiles, so only the last share has a ragged end. */
    private int shareStart(int part, int users) {
        if (part == threads) {
            return users;
        }
        int tiles = (users + USERS_PER_TILE - 1) / USERS_PER_TILE;
        return Math.min(users, tiles * part / threads * USERS_PER_TILE);
    }

    private void scoreUsers(int from, int to, RunningTop[] tops) {
        int tiledEnd = from + (to - from) / USERS_PER_TILE * USERS_PER_TILE;
        for (int first = 0; first < panelCount; first += blockPanels) {
            int end = Math.min(panelCount, first + blockPanels);
            for (int u = from; u < tiledEnd; u += USERS_PER_TILE) {
                scoreFourUsers(u, tops, first, end);
            }
            for (int u = tiledEnd; u < to; u++) {
                scoreOneUser(u, tops[u], first, end);
            }
        }
    }

    private void scoreFourUsers(int u, RunningTop[] tops, int firstPanel, int endPanel) {
        int w0 = u * dims;
        int w1 = w0 + dims;
        int w2 = w1 + dims;
        int w3 = w2 + dims;
        for (int p = firstPanel; p < endPanel; p += 2) {
            int a = p * dims * LANES;
            int b = a + dims * LANES;
            FloatVector s0a = FloatVector.zero(SPECIES);
            FloatVector s0b = s0a;
            FloatVector s1a = s0a;
            FloatVector s1b = s0a;
            FloatVector s2a = s0a;
            FloatVector s2b = s0a;
            FloatVector s3a = s0a;
            FloatVector s3b = s0a;
            for (int d = 0; d < dims; d++) {
                FloatVector pa = FloatVector.fromArray(SPECIES, panels, a + d * LANES);
                FloatVector pb = FloatVector.fromArray(SPECIES, panels, b + d * LANES);
                FloatVector x0 = FloatVector.broadcast(SPECIES, flatUsers[w0 + d]);
                s0a = pa.fma(x0, s0a);
                s0b = pb.fma(x0, s0b);
                FloatVector x1 = FloatVector.broadcast(SPECIES, flatUsers[w1 + d]);
                s1a = pa.fma(x1, s1a);
                s1b = pb.fma(x1, s1b);
                FloatVector x2 = FloatVector.broadcast(SPECIES, flatUsers[w2 + d]);
                s2a = pa.fma(x2, s2a);
                s2b = pb.fma(x2, s2b);
                FloatVector x3 = FloatVector.broadcast(SPECIES, flatUsers[w3 + d]);
                s3a = pa.fma(x3, s3a);
                s3b = pb.fma(x3, s3b);
            }
            int rowA = p * LANES;
            int rowB = rowA + LANES;
            select(s0a, s0b, tops[u], rowA, rowB);
            select(s1a, s1b, tops[u + 1], rowA, rowB);
            select(s2a, s2b, tops[u + 2], rowA, rowB);
            select(s3a, s3b, tops[u + 3], rowA, rowB);
        }
    }

    private void scoreOneUser(int u, RunningTop top, int firstPanel, int endPanel) {
        int w = u * dims;
        for (int p = firstPanel; p < endPanel; p += 2) {
            int a = p * dims * LANES;
            int b = a + dims * LANES;
            FloatVector sa = FloatVector.zero(SPECIES);
            FloatVector sb = sa;
            for (int d = 0; d < dims; d++) {
                FloatVector x = FloatVector.broadcast(SPECIES, flatUsers[w + d]);
                sa = FloatVector.fromArray(SPECIES, panels, a + d * LANES).fma(x, sa);
                sb = FloatVector.fromArray(SPECIES, panels, b + d * LANES).fma(x, sb);
            }
            select(sa, sb, top, p * LANES, (p + 1) * LANES);
        }
    }

    private void select(FloatVector a, FloatVector b, RunningTop top, int rowA, int rowB) {
        if (a.compare(VectorOperators.GT, top.threshold()).anyTrue()) {
            top.offerLanes(a, rowA, rows);
        }
        if (b.compare(VectorOperators.GT, top.threshold()).anyTrue()) {
            top.offerLanes(b, rowB, rows);
        }
    }
}
