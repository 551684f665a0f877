package io.streamrec.model.ranking;

import io.streamrec.model.ranker.RankerFeatures;
import io.streamrec.model.ranker.RankingExample;
import java.util.Random;

/**
 * Picks the rows of one ranking example out of a pass over a user's candidates: the pick, then
 * others drawn at random. Not the best-ranked others: users pick many of those later, so as
 * negatives they taught the ranker to push down what it should list (it lost on both shared logs).
 */
final class ExampleRows {
    private ExampleRows() {
    }

    /** @param pick the pick's position among the candidates, admitted; null when no other candidate is */
    static RankingExample of(Candidates c, int pick, int negatives, Random random) {
        int others = 0;
        for (int k = 0; k < c.size; k++) {
            others += c.admitted[k] && k != pick ? 1 : 0;
        }
        int wanted = Math.min(negatives, others);
        if (wanted == 0) {
            return null;
        }
        float[] features = c.features();
        float[] rows = new float[(wanted + 1) * RankerFeatures.COUNT];
        System.arraycopy(features, pick * RankerFeatures.COUNT, rows, 0, RankerFeatures.COUNT);
        // Selection sampling: each other candidate is taken with probability wanted left / others left.
        int taken = 0;
        int left = others;
        for (int k = 0; k < c.size && taken < wanted; k++) {
            if (!c.admitted[k] || k == pick) {
                continue;
            }
            if (random.nextInt(left) < wanted - taken) {
                taken++;
                System.arraycopy(features, k * RankerFeatures.COUNT, rows, taken * RankerFeatures.COUNT,
                        RankerFeatures.COUNT);
            }
            left--;
        }
        return new RankingExample(rows, wanted + 1);
    }
}
