package io.streamrec.it;

import io.streamrec.it.ItSupport.Answer;
import io.streamrec.it.ItSupport.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lookups of users whose lists are settled ({@code eventsPerUser} events each), in a loop on
 * their own thread, bounded in count and time, spread over the instances' URLs: each must answer
 * 200 with the user's list, exact from the active copy, from a standby (X-Streamrec-Stale) never
 * more than the user was sent.
 */
final class Lookups {
    private static final Http http = new Http();
    /** A bound beside the ten minutes, far above what a run makes: the loop must last until stopped. */
    private static final int MAX = 20_000_000;
    private final List<String> users;
    private final long eventsPerUser;
    private final List<String> urls;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger stale = new AtomicInteger();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;
    private final Thread thread = new Thread(this::run, "lookups");

    Lookups(List<String> users, long eventsPerUser, List<String> urls) {
        this.users = users;
        this.eventsPerUser = eventsPerUser;
        this.urls = new CopyOnWriteArrayList<>(urls);
    }

    void start() {
        thread.start();
    }

    void alsoAsk(String url) {
        urls.add(url);
    }

    /**
     * Before its instance stops, as a load balancer drains one: no lookup goes to {@code url}
     * once this returns (the one in flight, maybe to it, has been answered).
     */
    void stopAsking(String url) {
        urls.remove(url);
        int before = count.get();
        Reliability.await("the lookup in flight to " + url + " answered", Duration.ofSeconds(30),
                () -> stopped || !thread.isAlive() || count.get() >= before + 2, done -> done);
    }

    int count() {
        return count.get();
    }

    int failed() {
        return failed.get();
    }

    int stale() {
        return stale.get();
    }

    /** The first few failed lookups, each with its answer. */
    List<String> failures() {
        return failures;
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join(30_000);
    }

    private void run() {
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int i = 0; !stopped && i < MAX && System.nanoTime() < end; i++) {
            String user = users.get(i % users.size());
            List<String> asked = List.copyOf(urls);
            String url = asked.get(i % asked.size()) + "/v1/users/" + user + "/recommendations?n=5";
            try {
                Answer answer = http.get(url);
                boolean fromStandby = "true".equals(answer.header("X-Streamrec-Stale"));
                long seen = answer.body().path("eventsSeen").asLong();
                // The active copy is exact; a standby may trail it, never invent or lose a user.
                boolean right = answer.status() == 200 && answer.body().path("personalized").asBoolean()
                        && (fromStandby ? seen >= 1 && seen <= eventsPerUser : seen == eventsPerUser);
                if (fromStandby) {
                    stale.incrementAndGet();
                }
                if (!right) {
                    fail(url + " -> " + answer.status() + " " + answer.body());
                }
            } catch (RuntimeException e) {
                fail(url + " -> " + e);
            }
            count.incrementAndGet();
        }
    }

    private void fail(String what) {
        failed.incrementAndGet();
        if (failures.size() < 10) {
            failures.add(what);
        }
    }
}
