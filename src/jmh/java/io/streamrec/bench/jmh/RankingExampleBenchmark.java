package io.streamrec.bench.jmh;

import io.streamrec.model.ModelParams;
import io.streamrec.model.UserProfile;
import io.streamrec.model.index.ItemIndex;
import io.streamrec.model.index.ItemRecord;
import io.streamrec.model.index.SeenItems;
import io.streamrec.model.learning.ItemSide;
import io.streamrec.model.learning.ItemUpdate;
import io.streamrec.model.learning.Learner;
import io.streamrec.model.ranker.CurrentRanker;
import io.streamrec.model.ranker.RankerWeights;
import io.streamrec.model.ranking.Recommender;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drawing a ranker example as the user side does, apart from any list: a user with a full recent
 * window picks an item at random among 10k whose neighbour lists are full (200), as in
 * `bench load`, where most picks are not among the user's candidates. Beside it, the user's list,
 * for scale. Default settings; in memory, no Kafka.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RankingExampleBenchmark {
    static final int ITEMS = 10_000;
    static final int USERS = 10_000;
    static final long NOW = 1_700_000_000_000L;

    ModelParams params = ModelParams.defaults();
    ItemIndex index;
    Recommender recommender;
    Recommender explaining;
    UserProfile[] users;
    SeenItems[] seen;
    String[] itemIds;
    Random picks;

    @Setup
    public void setUp() {
        index = new ItemIndex(params.dimensions());
        Map<String, ItemRecord> items = new HashMap<>();
        itemIds = Catalogue.noiseItems(ITEMS, params, index, items);
        Learner learner = new Learner(params, new Random(7));
        ItemSide itemSide = new ItemSide(params);
        users = new UserProfile[USERS];
        seen = new SeenItems[USERS];
        Set<String>[] histories = new Set[USERS];
        for (int u = 0; u < USERS; u++) {
            users[u] = UserProfile.empty();
            histories[u] = new HashSet<>();
        }
        Random events = new Random(11);
        // Enough events to fill the items' neighbour lists, as after the load run's warm-up.
        for (int e = 0; e < USERS * 40; e++) {
            int u = events.nextInt(USERS);
            String item = itemIds[events.nextInt(ITEMS)];
            boolean newForUser = histories[u].add(item);
            for (ItemUpdate update : learner.learn(users[u], item, 1.0, newForUser, NOW, index)) {
                ItemRecord record = itemSide.apply(items.get(update.item()), update);
                items.put(update.item(), record);
                index.upsert(record);
            }
        }
        for (int u = 0; u < USERS; u++) {
            seen[u] = SeenItems.of(histories[u]);
        }
        CurrentRanker ranker = new CurrentRanker();
        ranker.install(RankerWeights.blend(params.embeddingWeight(), params.coVisitationWeight(),
                params.popularityWeight(), params.contentWeight(), 16, 1));
        recommender = new Recommender(params, index, null, false, ranker);
        explaining = new Recommender(params, index, null, true, ranker);
        picks = new Random(13);
    }

    @Benchmark
    public Object exampleOfARandomPick() {
        int u = picks.nextInt(USERS);
        return recommender.example(users[u], seen[u], itemIds[picks.nextInt(ITEMS)], 50, 20, picks, NOW);
    }

    @Benchmark
    public Object listOfARandomUser() {
        int u = picks.nextInt(USERS);
        return recommender.recommend(users[u], seen[u], Set.of(), entry -> true, 50, NOW);
    }

    @Benchmark
    public Object explainedListOfARandomUser() {
        int u = picks.nextInt(USERS);
        return explaining.recommend(users[u], seen[u], Set.of(), entry -> true, 50, NOW);
    }
}
