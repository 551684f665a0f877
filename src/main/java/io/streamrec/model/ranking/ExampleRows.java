package io.streamrec.model.ranking;

import io.streamrec.model.UserProfile;
import io.streamrec.model.ranker.RankerFeatures;
import io.streamrec.model.ranker.RankingExample;
import java.util.Arrays;
import java.util.Random;

/**
 * The admitted candidates of one personal list and their ranker features, kept per thread so the
 * user's pick right after the list (the replay tests a list, then learns the event it answered)
 * becomes an example without ranking the same candidates again. Only the pick right after it: a
 * later pick is taught from the user as they are by then, as live, where the user side draws each
 * example from the user's stored state. An example is the pick, then
 * others drawn at random. Not the best-ranked others: users pick many of those later, so as
 * negatives they taught the ranker to push down what it should list (it lost on both shared logs).
 */
final class ExampleRows {
    private int[] slots = new int[64];
    private float[] rows = new float[64 * RankerFeatures.COUNT];
    private double[] scores = new double[64];
    private boolean scored;
    private int count;
    /** Whose list, after how many of their events, when, on which index: an example is cut from it only for the same. */
    private UserProfile user;
    private long userEvents;
    private long now;
    private long indexVersion;

    /**
     * Keeps the admitted candidates of {@code c}, whose features are computed, as {@code user}'s list
     * now; their scores too when {@code scored} (the list's personal ranking is computed).
     */
    void keep(Candidates c, UserProfile user, long now, long indexVersion, boolean scored) {
        float[] features = c.features();
        count = 0;
        for (int k = 0; k < c.size; k++) {
            if (!c.admitted[k]) {
                continue;
            }
            if (count == slots.length) {
                slots = Arrays.copyOf(slots, count * 2);
                rows = Arrays.copyOf(rows, count * 2 * RankerFeatures.COUNT);
                scores = Arrays.copyOf(scores, count * 2);
            }
            slots[count] = c.slots[k];
            scores[count] = c.score[k];
            System.arraycopy(features, k * RankerFeatures.COUNT, rows, count * RankerFeatures.COUNT,
                    RankerFeatures.COUNT);
            count++;
        }
        this.scored = scored;
        this.user = user;
        this.userEvents = user.events;
        this.now = now;
        this.indexVersion = indexVersion;
    }

    /**
     * Whether the kept list is the one {@code user}'s pick at {@code now} answers: theirs, made at this
     * moment on the same index, and nothing learned from them since. The other lines of a basket, at
     * the same moment, are taught from the user after the lines before them: live, a basket's lines
     * arrive one by one and the user side knows the user only as their stored state is then.
     */
    boolean isListOf(UserProfile user, long now, long indexVersion) {
        return this.user == user && this.userEvents == user.events && this.now == now
                && this.indexVersion == indexVersion;
    }

    /** Whether the kept candidates' scores are their personal ranking's. */
    boolean scored() {
        return scored;
    }

    /** Whether the personal list of {@code n} from the kept, scored candidates holds {@code pickedSlot}. */
    boolean holds(int pickedSlot, int n) {
        for (int k = 0; k < count; k++) {
            if (slots[k] == pickedSlot) {
                return Candidates.expectedPosition(scores, null, count, k) < n;
            }
        }
        return false;
    }

    /**
     * The example of picking {@code pickedSlot} among the kept candidates, with {@code negatives}
     * others drawn at random; null when the pick was not one of them or no other was.
     */
    RankingExample example(int pickedSlot, int negatives, Random random) {
        int pick = -1;
        for (int k = 0; k < count && pick < 0; k++) {
            pick = slots[k] == pickedSlot ? k : -1;
        }
        int others = count - 1;
        int wanted = Math.min(negatives, others);
        if (pick < 0 || wanted <= 0) {
            return null;
        }
        float[] out = new float[(wanted + 1) * RankerFeatures.COUNT];
        System.arraycopy(rows, pick * RankerFeatures.COUNT, out, 0, RankerFeatures.COUNT);
        // Selection sampling: each other candidate is taken with probability wanted left / others left.
        int taken = 0;
        int left = others;
        for (int k = 0; k < count && taken < wanted; k++) {
            if (k == pick) {
                continue;
            }
            if (random.nextInt(left) < wanted - taken) {
                taken++;
                System.arraycopy(rows, k * RankerFeatures.COUNT, out, taken * RankerFeatures.COUNT,
                        RankerFeatures.COUNT);
            }
            left--;
        }
        return new RankingExample(out, wanted + 1);
    }
}
