package io.streamrec.bench.jmh;

import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.Learner;
import io.streamrec.model.ModelParams;
import io.streamrec.model.UserProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * One event's learning step with the product's classes and default settings (5 sampled
 * negatives, co-visitation window 10): the user side's {@link Learner#learn} and the item
 * side's {@link ItemSide#apply} of every update it returns, on in-memory objects (no Kafka,
 * no RocksDB, no Avro), for k = 32, 64 and 128 dimensions over 10k items and 10k users.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LearningBenchmark {
    static final int ITEMS = 10_000;
    static final int USERS = 10_000;

    @Param({"32", "64", "128"})
    int dimensions;

    ModelParams params;
    ItemIndex index;
    Learner learner;
    ItemSide itemSide;
    Map<String, ItemRecord> items;
    UserProfile[] users;
    String[] itemIds;
    Random events;

    @Setup
    public void setUp() {
        ModelParams d = ModelParams.defaults();
        params = new ModelParams(dimensions, d.learningRate(), d.regularization(), d.negatives(), d.initStd(),
                d.recentItems(), d.coVisitWindow(), d.neighbours(), d.popularityHalfLifeMs(), d.embeddingWeight(),
                d.coVisitationWeight(), d.popularityWeight(), d.recencyDecay(), d.pairDecay(), d.coVisitCandidates(),
                d.contentWeight(), d.contentStart(), d.fusionAdaptive(), d.fusionLearningRate());
        index = new ItemIndex(dimensions);
        items = new HashMap<>();
        itemIds = Catalogue.noiseItems(ITEMS, params, index, items);
        learner = new Learner(params, new Random(7));
        itemSide = new ItemSide(params);
        users = new UserProfile[USERS];
        for (int u = 0; u < USERS; u++) {
            users[u] = UserProfile.empty();
        }
        events = new Random(11);
        // Warm every user up to a full recent-items window, as a steady stream would.
        for (int i = 0; i < USERS * params.recentItems(); i++) {
            step();
        }
    }

    @Benchmark
    public int userAndItemStep() {
        return step();
    }

    private int step() {
        UserProfile user = users[events.nextInt(USERS)];
        String item = itemIds[events.nextInt(ITEMS)];
        boolean newForUser = !user.recentItems.contains(item);
        List<ItemUpdate> updates = learner.learn(user, item, 1.0, newForUser, 1_700_000_000_000L, index);
        for (ItemUpdate update : updates) {
            items.put(update.item(), itemSide.apply(items.get(update.item()), update));
        }
        return updates.size();
    }
}
