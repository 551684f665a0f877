package io.streamrec.model.index;

/**
 * The authoritative, mutable state of one item as the item side keeps it: vector, popularity,
 * co-visitation neighbours and catalogue metadata.
 */
public final class ItemRecord {
    private static final double LN2 = Math.log(2);
    public final String id;
    public float[] vector;
    public long distinctUsers;
    public double popularity;
    public long popularityTimestamp;
    public final Neighbours neighbours;
    /** True once the catalogue described the item: the lifecycle publishes it at once and never expires it. */
    public boolean known;
    /** Replaced whole when the catalogue describes the item again. */
    public ItemMetadata metadata = ItemMetadata.NONE;

    public ItemRecord(String id, float[] vector, int neighbourCapacity) {
        this.id = id;
        this.vector = vector;
        this.neighbours = new Neighbours(neighbourCapacity);
    }

    /** Popularity decayed to {@code now}; events in the future of the last update count fully. */
    public static double decayed(double popularity, long since, long now, long halfLifeMs) {
        long age = Math.max(0, now - since);
        // exp is an intrinsic, several times cheaper than pow, and this runs per candidate.
        return popularity * Math.exp(-LN2 * age / halfLifeMs);
    }

    public void addPopularity(double weight, long at, long halfLifeMs) {
        if (at >= popularityTimestamp) {
            popularity = decayed(popularity, popularityTimestamp, at, halfLifeMs) + weight;
            popularityTimestamp = at;
        } else {
            popularity += decayed(weight, at, popularityTimestamp, halfLifeMs);
        }
    }
}
