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

/**
 * One user against the whole catalogue (items x 64 dims), top 100 with 50 excluded items:
 * plain Java, the JDK Vector API, and ND4J's raw BLAS gemv (preallocated arrays, so no
 * INDArray is created per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class ScoringBenchmark {
    static final int DIMS = 64;
    static final int TOP = 100;

    @Param({"10000", "100000", "1000000"})
    int items;

    float[] matrix;
    float[] user;
    float[] scores;
    boolean[] excluded;
    INDArray nd4jMatrix;
    INDArray nd4jUser;
    INDArray nd4jScores;
    FloatBuffer nd4jScoresView;

    @Setup
    public void setUp() {
        matrix = Catalogue.matrix(items, DIMS, 1);
        user = Catalogue.users(1, DIMS, 2)[0];
        scores = new float[items];
        excluded = Catalogue.excluded(items, 3);
        nd4jMatrix = Nd4j.create(matrix, new long[] {items, DIMS}, 'c');
        nd4jUser = Nd4j.create(user, new long[] {DIMS, 1}, 'c');
        nd4jScores = Nd4j.create(DataType.FLOAT, new long[] {items, 1}, 'c');
        nd4jScoresView = nd4jScores.data().asNioFloat();
    }

    @Benchmark
    public int[] plainJava() {
        Kernels.scorePlain(user, matrix, items, scores);
        return Kernels.top(scores, items, TOP, excluded);
    }

    @Benchmark
    public int[] vectorApi() {
        Kernels.scoreVector(user, matrix, items, scores);
        return Kernels.top(scores, items, TOP, excluded);
    }

    @Benchmark
    public int[] nd4jGemv() {
        Nd4j.getBlasWrapper().level2().gemv('c', 'N', 1.0, nd4jMatrix, nd4jUser, 0.0, nd4jScores);
        nd4jScoresView.rewind();
        nd4jScoresView.get(scores, 0, items);
        return Kernels.top(scores, items, TOP, excluded);
    }
}
