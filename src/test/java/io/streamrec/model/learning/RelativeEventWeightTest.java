package io.streamrec.model.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.model.ModelParams;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemMetadata;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A step's size follows the event's weight relative to the traffic's, never the weights' scale. */
class RelativeEventWeightTest {
    private final ModelParams params = ModelParams.defaults();

    @Test
    void aLogOfOneTypeStepsAlikeWhateverWeightThatTypeHas() {
        assertThat(userVectorAfter(new double[] {5, 5, 5, 5})).containsExactly(userVectorAfter(new double[] {1, 1, 1, 1}));
    }

    @Test
    void aHeavierTypeStillStepsFurtherThanALighterOneInTheSameTraffic() {
        float[] before = userVectorAfter(new double[] {1, 5, 1, 5});
        double heavyStep = distance(userVectorAfter(new double[] {1, 5, 1, 5, 5}), before);
        double lightStep = distance(userVectorAfter(new double[] {1, 5, 1, 5, 1}), before);
        assertThat(heavyStep).isGreaterThan(lightStep * 3);
    }

    /** One user's vector after events on items 0, 1, 2, ... with these weights, from the same seed. */
    private float[] userVectorAfter(double[] weights) {
        ItemIndex index = new ItemIndex(params.dimensions());
        ItemSide items = new ItemSide(params);
        for (int i = 0; i < 20; i++) {
            index.upsert(items.describe(null, "i" + i, ItemMetadata.of("Item " + i, List.of("c"), List.of(), true),
                    index));
        }
        Learner learner = new Learner(params, new Random(7));
        UserProfile user = UserProfile.empty();
        for (int e = 0; e < weights.length; e++) {
            learner.learn(user, "i" + e, weights[e], true, e, index);
        }
        return user.vector.clone();
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(sum);
    }
}
