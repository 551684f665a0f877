package io.streamrec.bench.jmh;

import java.nio.FloatBuffer;
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
 * passes, and a cache-blocked Vector API kernel. Times are per batch; divide by B for the
 * amortised cost per user.
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

    float[] matrix;
    float[][] users;
    float[][] scores;
    boolean[] excluded;
    INDArray nd4jItemsT;
    INDArray nd4jUsers;
    INDArray nd4jScores;
    FloatBuffer nd4jScoresView;

    @Setup
    public void setUp() {
        matrix = Catalogue.matrix(ITEMS, DIMS, 1);
        users = Catalogue.users(batch, DIMS, 2);
        scores = new float[batch][ITEMS];
        excluded = Catalogue.excluded(ITEMS, 3);
        nd4jItemsT = Nd4j.create(matrix, new long[] {ITEMS, DIMS}, 'c').transpose();
        float[] flatUsers = new float[batch * DIMS];
        for (int u = 0; u < batch; u++) {
            System.arraycopy(users[u], 0, flatUsers, u * DIMS, DIMS);
        }
        nd4jUsers = Nd4j.create(flatUsers, new long[] {batch, DIMS}, 'c');
        nd4jScores = Nd4j.create(DataType.FLOAT, new long[] {batch, ITEMS}, 'c');
        nd4jScoresView = nd4jScores.data().asNioFloat();
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
}
