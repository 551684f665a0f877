package io.streamrec.bench.jmh;

import java.nio.FloatBuffer;
import io.streamrec.model.VectorMath;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * B dirty users scored together against 100k items x 64 dims, top 100 each with exclusions,
 * as a debounced refresh could: one ND4J gemm (B x 64 times 64 x items), B single Vector API
 * passes, and a cache-blocked Vector API kernel, each filling B x items scores before a
 * selection pass; and kernels that select as they score ({@link RunningTop}), never copying a
 * B x items score matrix: ND4J gemm selected in place, ND4J gemm per block of items
 * ({@link Nd4jBlockedGemm}), and the Vector API on a panel layout ({@link VectorPanels}) on one
 * and on two threads.
 * Times are per batch; divide by B for the amortised cost per user.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class BatchScoringBenchmark {
    static final int ITEMS = 100_000;
    static final int DIMS = 64;
    static final int TOP = 100;
    /** 256 rows x 64 floats = 64 KiB: stays in L2 while the whole batch is scored against it. */
    static final int BLOCK_ROWS = 256;

    @Param({"1", "16", "64", "256"})
    int batch;
    /**
     * Size of nd4jBlockedFused's B x block score matrix, in KiB: 4 MiB (in L3) makes 25 gemm calls
     * at B = 256; blocks that fit L2 (512 KiB, 196 calls) were no faster. Only that kernel reads it.
     */
    @Param({"4096"})
    int scoreKiB;

    float[] matrix;
    float[][] users;
    float[][] scores;
    boolean[] excluded;
    INDArray nd4jItemsT;
    INDArray nd4jUsers;
    INDArray nd4jScores;
    FloatBuffer nd4jScoresView;
    RunningTop[] tops;
    FusedKernel nd4jInPlace;
    FusedKernel nd4jBlocked;
    FusedKernel vectorPanels;
    FusedKernel vectorPanelsTwoThreads;

    @Setup
    public void setUp() {
        matrix = Catalogue.matrix(ITEMS, DIMS, 1);
        users = Catalogue.users(batch, DIMS, 2);
        scores = new float[batch][ITEMS];
        excluded = Catalogue.excluded(ITEMS, 3);
        nd4jItemsT = Nd4j.create(matrix, new long[] {ITEMS, DIMS}, 'c').transpose();
        nd4jUsers = Nd4j.create(Catalogue.flatten(users), new long[] {batch, DIMS}, 'c');
        nd4jScores = Nd4j.create(DataType.FLOAT, new long[] {batch, ITEMS}, 'c');
        nd4jScoresView = nd4jScores.data().asNioFloat();
        tops = new RunningTop[batch];
        for (int u = 0; u < batch; u++) {
            tops[u] = new RunningTop(TOP, excluded);
        }
        nd4jInPlace = new Nd4jBlockedGemm(matrix, ITEMS, users, ITEMS);
        nd4jBlocked = new Nd4jBlockedGemm(matrix, ITEMS, users, gemmBlockRows(batch, scoreKiB));
        vectorPanels = new VectorPanels(matrix, ITEMS, users, BLOCK_ROWS, 1);
        vectorPanelsTwoThreads = new VectorPanels(matrix, ITEMS, users, BLOCK_ROWS, 2);
        checkFusedKernels();
    }

    /** Items per gemm block: as many as keep the B x block scores within scoreKiB, whole cache lines. */
    static int gemmBlockRows(int batch, int scoreKiB) {
        int rows = scoreKiB * 1024 / Float.BYTES / batch / 16 * 16;
        return Math.max(16, Math.min(ITEMS, rows));
    }

    /**
     * The fused kernels must select what the plain loop and {@link Kernels#top} select: the same
     * scores rank by rank (summation order may swap near-ties, so items are compared by their
     * exact score), no excluded item, every user of the batch.
     */
    private void checkFusedKernels() {
        int[][] expected = new int[batch][];
        float[] plain = new float[ITEMS];
        for (int u = 0; u < batch; u++) {
            Kernels.scorePlain(users[u], matrix, ITEMS, plain);
            expected[u] = Kernels.top(plain, ITEMS, TOP, excluded);
        }
        checkSame("nd4jGemmInPlace", nd4jInPlace, expected);
        checkSame("nd4jBlockedFused", nd4jBlocked, expected);
        checkSame("vectorPanelsFused", vectorPanels, expected);
        checkSame("vectorPanelsTwoThreads", vectorPanelsTwoThreads, expected);
    }

    private void checkSame(String kernel, FusedKernel fused, int[][] expected) {
        fused.score(tops);
        for (int u = 0; u < batch; u++) {
            int[] actual = tops[u].drain();
            if (actual.length != expected[u].length) {
                throw new IllegalStateException(kernel + ": user " + u + " got " + actual.length + " items");
            }
            for (int rank = 0; rank < actual.length; rank++) {
                float want = VectorMath.dotRow(users[u], matrix, expected[u][rank]);
                float got = VectorMath.dotRow(users[u], matrix, actual[rank]);
                if (excluded[actual[rank]] || Math.abs(want - got) > 1e-5f) {
                    throw new IllegalStateException(kernel + ": user " + u + " rank " + rank + " item "
                            + actual[rank] + " (" + got + ") instead of " + expected[u][rank] + " (" + want + ")");
                }
            }
        }
    }

    @Benchmark
    public void nd4jGemm(Blackhole out) {
        Nd4j.getBlasWrapper().level3().gemm('c', 'N', 'N', 1.0, nd4jUsers, nd4jItemsT, 0.0, nd4jScores);
        for (int u = 0; u < batch; u++) {
            nd4jScoresView.position(u * ITEMS);
            nd4jScoresView.get(scores[u], 0, ITEMS);
            out.consume(Kernels.top(scores[u], ITEMS, TOP, excluded));
        }
    }

    @Benchmark
    public void singlePasses(Blackhole out) {
        for (int u = 0; u < batch; u++) {
            Kernels.scoreVector(users[u], matrix, ITEMS, scores[u]);
            out.consume(Kernels.top(scores[u], ITEMS, TOP, excluded));
        }
    }

    @Benchmark
    public void vectorBlocked(Blackhole out) {
        Kernels.scoreVectorBlocked(users, matrix, ITEMS, scores, BLOCK_ROWS);
        for (int u = 0; u < batch; u++) {
            out.consume(Kernels.top(scores[u], ITEMS, TOP, excluded));
        }
    }

    @Benchmark
    public void nd4jGemmInPlace(Blackhole out) {
        selectFused(nd4jInPlace, out);
    }

    @Benchmark
    public void nd4jBlockedFused(Blackhole out) {
        selectFused(nd4jBlocked, out);
    }

    @Benchmark
    public void vectorPanelsFused(Blackhole out) {
        selectFused(vectorPanels, out);
    }

    /** Two threads, as ND4J's BLAS uses by default: what the two cores can do together. */
    @Benchmark
    public void vectorPanelsTwoThreads(Blackhole out) {
        selectFused(vectorPanelsTwoThreads, out);
    }

    private void selectFused(FusedKernel kernel, Blackhole out) {
        kernel.score(tops);
        for (RunningTop top : tops) {
            out.consume(top.drain());
        }
    }
}
