package io.streamrec.model.ranking;

import io.streamrec.model.ranker.RankerFeatures;
import io.streamrec.model.ranker.RankingExample;
import java.util.Random;

/**
 * Picks the rows of one ranking example out of a scored pass: the pick, the candidates ranked
 * highest besides it (what the list showed instead, the comparisons that decide a top-N), and
 * random others (so the ranker also sees the rest of the candidates it must keep below).
 */
final class ExampleRows {
    private ExampleRows() {
    }

    /** @param pick the pick's position among the candidates, admitted and scored */
    static RankingExample of(Candidates c, int pick, int negatives, Random random) {
        int hard = (negatives + 1) / 2;
        int[] chosen = new int[negatives];
        int count = 0;
        // The best-scored others: a partial selection, since there are few of them.
        boolean[] taken = new boolean[c.size];
        taken[pick] = true;
        for (; count < hard; count++) {
            int best = -1;
            for (int k = 0; k < c.size; k++) {
                if (c.admitted[k] && !taken[k] && (best < 0 || c.score[k] > c.score[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            chosen[count] = best;
        }
        int others = 0;
        for (int k = 0; k < c.size; k++) {
            others += c.admitted[k] && !taken[k] ? 1 : 0;
        }
        // Random others without replacement, by reservoir over the untaken admitted candidates.
        int wanted = Math.min(negatives - count, others);
        int seenOthers = 0;
        for (int k = 0; k < c.size && wanted > 0; k++) {
            if (!c.admitted[k] || taken[k]) {
                continue;
            }
            if (random.nextInt(others - seenOthers) < wanted) {
                chosen[count++] = k;
                wanted--;
            }
            seenOthers++;
        }
        if (count == 0) {
            return null;
        }
        float[] rows = new float[(count + 1) * RankerFeatures.COUNT];
        float[] features = c.features();
        System.arraycopy(features, pick * RankerFeatures.COUNT, rows, 0, RankerFeatures.COUNT);
        for (int i = 0; i < count; i++) {
            System.arraycopy(features, chosen[i] * RankerFeatures.COUNT, rows, (i + 1) * RankerFeatures.COUNT,
                    RankerFeatures.COUNT);
        }
        return new RankingExample(rows, count + 1);
    }
}
