package io.streamrec.bench.jmh;

/**
 * Scores a fixed batch of users against the catalogue and hands each user's scores to that
 * user's {@link RunningTop} as they are made, instead of filling a users x items score matrix
 * for a later selection pass.
 */
interface FusedKernel {
    void score(RunningTop[] tops);
}
