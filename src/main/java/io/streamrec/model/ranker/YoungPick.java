package io.streamrec.model.ranker;

/**
 * A pick by a user with few events, judged as {@link YoungUserPicks} counts it: whether their
 * personal list of n held it, and whether the popular list a new user gets did.
 *
 * @param band {@link YoungUserPicks#band} of the user's events before the pick
 */
public record YoungPick(int band, boolean personal, boolean popular) {
    /** No young pick, in {@link #encode()}'s form. */
    public static final int NONE = 0;

    public YoungPick {
        if (band < 0 || band >= YoungUserPicks.BANDS) {
            throw new IllegalArgumentException("a young user's band is in 0.." + (YoungUserPicks.BANDS - 1) + ": "
                    + band);
        }
    }

    /** One int, never {@link #NONE}: for a ranking example's bytes. */
    public int encode() {
        return 1 + 4 * band + (personal ? 1 : 0) + (popular ? 2 : 0);
    }

    /** Reads {@link #encode()}; null for {@link #NONE}. */
    public static YoungPick decode(int encoded) {
        if (encoded == NONE) {
            return null;
        }
        if (encoded < 1) {
            throw new IllegalArgumentException("not a young user's pick: " + encoded);
        }
        int bits = encoded - 1;
        return new YoungPick(bits / 4, (bits & 1) != 0, (bits & 2) != 0);
    }
}
