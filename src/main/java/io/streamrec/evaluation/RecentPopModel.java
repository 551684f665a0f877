package io.streamrec.evaluation;

import java.util.Map;

/**
 * RECENT-POP: exponentially time-decayed counts. Each item keeps its count scaled to a moving
 * reference time, so ranking never decays every item per event; rescaling keeps it finite.
 */
final class RecentPopModel implements ReplayModel {
    static final long DEFAULT_HALF_LIFE_MS = 30L * 24 * 3600 * 1000;

    private final UserHistories histories = new UserHistories(1);
    private final double[] counts;
    private final double[] scaled;
    private final long halfLifeMs;
    private long reference = Long.MIN_VALUE;

    RecentPopModel(ReplayLog log, long halfLifeMs) {
        counts = new double[log.items().size()];
        scaled = new double[counts.length];
        this.halfLifeMs = halfLifeMs;
    }

    @Override
    public String name() {
        return "RECENT-POP";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("half_life_days", halfLifeMs / 86_400_000.0);
    }

    @Override
    public int[] recommend(int user, int n, long now) {
        return PopModel.topByCounts(counts, scaled, histories, user, n);
    }

    @Override
    public void learn(int user, int item, LoggedEvent event, boolean newForUser) {
        if (reference == Long.MIN_VALUE) {
            reference = event.timestamp();
        }
        double boost = Math.pow(2, (double) (event.timestamp() - reference) / halfLifeMs);
        if (boost > 1e100) {
            // Move the reference to now: every scaled count shrinks by the same factor, ranks stay.
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] /= boost;
            }
            reference = event.timestamp();
            boost = 1;
        }
        scaled[item] += boost;
        counts[item]++;
        histories.add(user, item);
    }
}
