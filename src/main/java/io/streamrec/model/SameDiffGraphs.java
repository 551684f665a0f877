package io.streamrec.model;

import java.io.OutputStream;
import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/** What every SameDiff training graph of the models needs on this ND4J release. */
public final class SameDiffGraphs {
    private SameDiffGraphs() {}

    /**
     * Builds the backward graph now, once: SameDiff 1.0.0-M2.1 prints a line per differentiated op
     * to {@code System.out} as it does, which would land in the middle of a command's output.
     * Also keeps ND4J's ops on the calling thread: the graphs are small, and OpenMP threads
     * spin-waiting for each other took the core a stream thread or the replay needed. BLAS keeps a
     * thread pool of its own, which the environment's limit does not reach.
     */
    public static void prepare(SameDiff graph) {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        synchronized (System.class) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                graph.createGradFunction();
            } finally {
                System.setOut(out);
            }
        }
    }
}
