package io.streamrec.model.ranker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which list serves users with few events better: their personal ranking, or the popular list a
 * new user gets ({@link NewUserPicks}). Per activity band (1, 2-3, 4-7, ... events: each band twice
 * the events of the one before), how many of those users' picks only one of the two lists of n held.
 * On most logs a user's first events already say more than popularity; on a sparse log of ratings,
 * popularity can serve the first few events better, and no constant says where one ends.
 *
 * <p>A band lists popular items only when their lead over the personal ranking is significant: larger
 * than twice the standard deviation that two equally good lists would show on those picks (a sign
 * test). Otherwise the first few picks of a deployment, a coin's toss apart, would switch the lists
 * of users for whom the personal ranking is far better. Immutable; published with the ranker's
 * weights, so every instance lists the same way and a restart keeps the counts.
 */
public final class YoungUserPicks extends PickCounts {
    /** Bands counted: users with up to 2^16 - 1 events. */
    public static final int BANDS = 16;
    public static final YoungUserPicks NONE = new YoungUserPicks(new long[2 * BANDS]);
    /** How many standard deviations popular's lead must exceed. */
    private static final double SIGNIFICANT = 2;

    private YoungUserPicks(long[] counts) {
        super(counts);
    }

    /** The band of a user with {@code events} learned events (at least 1): floor(log2(events)). */
    public static int band(long events) {
        if (events < 1) {
            throw new IllegalArgumentException("a user with history has at least one event: " + events);
        }
        return 63 - Long.numberOfLeadingZeros(events);
    }

    /** Counts read back from {@link #counts()}; fewer than all bands count 0 for the rest. */
    public static YoungUserPicks of(long[] counts) {
        return new YoungUserPicks(padded(counts, 2 * BANDS, "young users' pick"));
    }

    /**
     * These counts and one pick more by a user of {@code band}. A pick both lists or neither held
     * says nothing about which is better and is not counted. Once either count of the band reaches
     * {@code memory}, both are halved, so the counts weigh recent picks over old ones.
     */
    public YoungUserPicks plus(YoungPick pick, long memory) {
        requireMemory(memory);
        if (pick.personal() == pick.popular()) {
            return this;
        }
        long[] next = counts.clone();
        int at = 2 * pick.band() + (pick.personal() ? 0 : 1);
        next[at]++;
        if (next[at] >= memory) {
            next[2 * pick.band()] /= 2;
            next[2 * pick.band() + 1] /= 2;
        }
        return new YoungUserPicks(next);
    }

    /** Whether users of {@code band} get the popular list: its lead over their personal ranking is significant. */
    public boolean popularServes(int band) {
        if (band < 0 || band >= BANDS) {
            return false;
        }
        long personal = counts[2 * band];
        long popular = counts[2 * band + 1];
        return popular - personal > SIGNIFICANT * Math.sqrt(personal + popular);
    }

    /** Per band, picks only the personal list held, then picks only the popular list held. */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The bands counted so far, by their events ({@code "1"}, {@code "2-3"}, ...): picks only the
     * personal list held, picks only the popular list held, and whether popular serves the band.
     */
    public Map<String, Map<String, Object>> byBand() {
        Map<String, Map<String, Object>> bands = new LinkedHashMap<>();
        for (int band = 0; band < BANDS; band++) {
            if (counts[2 * band] + counts[2 * band + 1] > 0) {
                Map<String, Object> counted = new LinkedHashMap<>();
                counted.put("personalOnly", counts[2 * band]);
                counted.put("popularOnly", counts[2 * band + 1]);
                counted.put("popular", popularServes(band));
                bands.put(events(band), counted);
            }
        }
        return bands;
    }

    /** As {@link #byBand}, {@code events: personal only / popular only}, marked when popular serves. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int band = 0; band < BANDS; band++) {
            if (counts[2 * band] + counts[2 * band + 1] > 0) {
                s.append(s.length() > 1 ? ", " : "").append(events(band)).append(": ").append(counts[2 * band])
                        .append('/').append(counts[2 * band + 1]).append(popularServes(band) ? " popular" : "");
            }
        }
        return s.append('}').toString();
    }

    /** The events of a band's users: {@code "1"}, {@code "2-3"}, {@code "4-7"}, ... */
    private static String events(int band) {
        long first = 1L << band;
        return band == 0 ? "1" : first + "-" + (2 * first - 1);
    }
}
