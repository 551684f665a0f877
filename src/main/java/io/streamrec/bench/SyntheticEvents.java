package io.streamrec.bench;

import io.streamrec.avro.EventType;
import java.util.SplittableRandom;

/**
 * The benchmarks' seeded event sequence over {@code users} users and {@code items} items: users
 * uniform; item popularity skewed (item = items * r^2: the top 10% of items draw ~32% of events);
 * 70% views, 20% clicks, 8% add-to-carts, 2% purchases. The same seed gives the same events, so
 * the live load and its in-memory counterpart see the same sequence.
 */
final class SyntheticEvents {
    /** The sequence {@code bench load} publishes. */
    static final long LOAD_SEED = 42;

    record Event(String user, String item, EventType type) {}

    private final SplittableRandom random;
    private final String[] users;
    private final String[] items;

    SyntheticEvents(int users, int items, long seed) {
        this.random = new SplittableRandom(seed);
        this.users = ids(BenchIds.USER_PREFIX, users);
        this.items = ids(BenchIds.ITEM_PREFIX, items);
    }

    Event next() {
        double r = random.nextDouble();
        String user = users[random.nextInt(users.length)];
        String item = items[(int) (items.length * r * r)];
        return new Event(user, item, type(random.nextInt(100)));
    }

    String[] users() {
        return users.clone();
    }

    /** Any item, uniformly: for seeding every user once. */
    String anyItem(SplittableRandom seeding) {
        return items[seeding.nextInt(items.length)];
    }

    private static EventType type(int percent) {
        return percent < 70 ? EventType.VIEW : percent < 90 ? EventType.CLICK
                : percent < 98 ? EventType.ADD_TO_CART : EventType.PURCHASE;
    }

    private static String[] ids(String prefix, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = prefix + i;
        }
        return ids;
    }
}
