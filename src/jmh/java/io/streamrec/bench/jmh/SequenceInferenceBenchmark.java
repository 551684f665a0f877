package io.streamrec.bench.jmh;

import io.streamrec.model.sequence.Nd4jSequenceScorer;
import io.streamrec.model.sequence.SequenceScorer;
import io.streamrec.model.sequence.SequenceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The sequence model's inference for one user from one snapshot (E = H = 32, L = 10): the GRU's
 * final state over the user's last L items, then the top 20 of the whole catalogue, in plain Java
 * ({@link SequenceScorer}) and through the SameDiff graph ({@link Nd4jSequenceScorer}: the GRU
 * and every item's score in one graph call, then only the best item picked, a cheaper selection
 * than a top 20, so the comparison flatters ND4J slightly). Also the GRU pass alone in plain Java.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class SequenceInferenceBenchmark {
    static final int DIMS = 32;
    static final int LENGTH = 10;
    static final int TOP = 20;

    @Param({"10000", "100000"})
    int items;

    SequenceScorer plain;
    Nd4jSequenceScorer nd4j;
    int[] recent;
    float[] hidden;
    int[] topRows;
    float[] topScores;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add("item-" + i);
        }
        int rows = items + 1;
        SequenceSnapshot model = SequenceSnapshot.of(1, DIMS, DIMS, LENGTH, ids, gaussian(random, rows * DIMS),
                gaussian(random, DIMS * 3 * DIMS), gaussian(random, DIMS * 3 * DIMS), gaussian(random, 3 * DIMS),
                gaussian(random, rows * DIMS), gaussian(random, rows));
        plain = new SequenceScorer(model);
        nd4j = new Nd4jSequenceScorer(model);
        recent = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            recent[i] = 1 + random.nextInt(items);
        }
        hidden = new float[DIMS];
        topRows = new int[TOP];
        topScores = new float[TOP];
    }

    private static float[] gaussian(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * 0.3);
        }
        return a;
    }

    @Benchmark
    public void plainGruOnly(Blackhole out) {
        plain.hidden(recent, recent.length, hidden);
        out.consume(hidden);
    }

    @Benchmark
    public int plainGruAndTop20() {
        plain.hidden(recent, recent.length, hidden);
        return plain.top(hidden, TOP, row -> false, topRows, topScores);
    }

    @Benchmark
    public int nd4jGraphAndTop20() {
        float[] scores = nd4j.score(recent).scores();
        float best = Float.NEGATIVE_INFINITY;
        int at = 0;
        for (int row = 1; row < scores.length; row++) {
            if (scores[row] > best) {
                best = scores[row];
                at = row;
            }
        }
        return at;
    }
}
