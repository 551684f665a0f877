package io.streamrec.model.ranker;

import io.streamrec.model.ModelParams;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * One version of the learned ranker: a linear part over the candidate's features plus a small
 * hidden layer (tanh) whose output adds to it. Immutable; scored in plain Java, since one list is
 * a few hundred candidates of a few features each and a call into ND4J would cost more than that.
 *
 * <p>The first version is the fixed blend: the linear part holds the blend weights on the blend's
 * four signals and the hidden layer's output weights are zero, so a deployment ranks exactly as
 * the blend until training has moved it. Each version also carries the count of new users' first
 * picks ({@link NewUserPicks}), which decides the order of lists for users without history, and of
 * young users' picks ({@link YoungUserPicks}), which decides whether users with few events get
 * their personal list or that popular one.
 */
public final class RankerWeights {
    /**
     * Written first in the bytes; a reader refuses a format it does not know rather than misread it.
     * Format 1, without the new users' picks, is still read (as none counted yet). The young users'
     * counts follow the new users' in the same counted run of longs: a reader of the release before
     * takes the first {@link PopularityOrder}s' counts and leaves the rest, and this one reads that
     * release's weights as no young pick counted.
     */
    static final int FORMAT = 2;
    private static final int WITHOUT_NEW_USERS = 1;

    private final long version;
    private final int features;
    private final int hidden;
    private final float[] linear;
    /** features x hidden, row-major by feature. */
    private final float[] in;
    private final float[] bias;
    private final float[] out;
    /** Which order new users' lists take: not trained by the steps, counted beside them. */
    private final NewUserPicks newUsers;
    /** Which list users with few events get: counted beside the steps too. */
    private final YoungUserPicks youngUsers;

    RankerWeights(long version, int features, int hidden, float[] linear, float[] in, float[] bias, float[] out) {
        this(version, features, hidden, linear, in, bias, out, NewUserPicks.NONE, YoungUserPicks.NONE);
    }

    RankerWeights(long version, int features, int hidden, float[] linear, float[] in, float[] bias, float[] out,
                  NewUserPicks newUsers, YoungUserPicks youngUsers) {
        if (linear.length != features || in.length != features * hidden || bias.length != hidden
                || out.length != hidden) {
            throw new IllegalArgumentException("ranker weights of inconsistent shapes");
        }
        this.version = version;
        this.features = features;
        this.hidden = hidden;
        this.linear = linear;
        this.in = in;
        this.bias = bias;
        this.out = out;
        this.newUsers = newUsers;
        this.youngUsers = youngUsers;
    }

    /** These weights with the new and young users' picks counted so far. */
    public RankerWeights withPicks(NewUserPicks newUserPicks, YoungUserPicks youngUserPicks) {
        return new RankerWeights(version, features, hidden, linear, in, bias, out, newUserPicks, youngUserPicks);
    }

    /** What new users' first picks showed so far: the order their lists take is its {@link NewUserPicks#best()}. */
    public NewUserPicks newUsers() {
        return newUsers;
    }

    /** What young users' picks showed so far: which bands get the popular list ({@link YoungUserPicks#popularServes}). */
    public YoungUserPicks youngUsers() {
        return youngUsers;
    }

    /**
     * Version 0: the fixed blend, with a hidden layer ready to learn.
     *
     * @param blend the blend weights of the embedding, co-visitation, popularity and content signals
     * @param seed  the hidden layer's random start, so every instance starts from the same weights
     */
    public static RankerWeights blend(double embedding, double coVisitation, double popularity, double content,
                                      int hidden, long seed) {
        float[] linear = new float[RankerFeatures.COUNT];
        linear[RankerFeatures.EMBEDDING] = (float) embedding;
        linear[RankerFeatures.COVISITATION] = (float) coVisitation;
        linear[RankerFeatures.POPULARITY] = (float) popularity;
        linear[RankerFeatures.CONTENT] = (float) content;
        Random random = new Random(seed);
        float[] in = new float[RankerFeatures.COUNT * hidden];
        // Small, so the hidden layer starts in tanh's linear range where gradients flow.
        float scale = (float) (1 / Math.sqrt(RankerFeatures.COUNT));
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) random.nextGaussian() * scale;
        }
        return new RankerWeights(0, RankerFeatures.COUNT, hidden, linear, in, new float[hidden], new float[hidden]);
    }

    /**
     * Version 0 of a ranker: the blend of {@code params}, the hidden layer sized by {@code settings}
     * and started from {@code seed}.
     */
    public static RankerWeights first(ModelParams params, RankerSettings settings, long seed) {
        return blend(params.embeddingWeight(), params.coVisitationWeight(), params.popularityWeight(),
                params.contentWeight(), settings.hidden(), seed);
    }

    public long version() {
        return version;
    }

    public int features() {
        return features;
    }

    public int hidden() {
        return hidden;
    }

    float[] linear() {
        return linear.clone();
    }

    float[] in() {
        return in.clone();
    }

    float[] bias() {
        return bias.clone();
    }

    float[] out() {
        return out.clone();
    }

    /** Whether every parameter is a finite number. */
    public boolean isFinite() {
        for (float[] part : new float[][] {linear, in, bias, out}) {
            for (float value : part) {
                if (!Float.isFinite(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The score of the candidate whose features start at {@code offset} of {@code rows}. */
    public double score(float[] rows, int offset) {
        return score(rows, offset, scratch());
    }

    /** Room for {@link #score(float[], int, double[])}'s hidden layer: one per list, not per candidate. */
    public double[] scratch() {
        return new double[hidden];
    }

    /**
     * {@link #score(float[], int)} with the hidden layer's inputs summed in {@code pre}, feature by
     * feature, so the weights are read in the order they are stored; each unit still adds its
     * features in the same order, so the sums are the same.
     */
    public double score(float[] rows, int offset, double[] pre) {
        double score = 0;
        for (int f = 0; f < features; f++) {
            score += linear[f] * rows[offset + f];
        }
        for (int h = 0; h < hidden; h++) {
            pre[h] = bias[h];
        }
        for (int f = 0, at = 0; f < features; f++, at += hidden) {
            float x = rows[offset + f];
            for (int h = 0; h < hidden; h++) {
                pre[h] += in[at + h] * x;
            }
        }
        for (int h = 0; h < hidden; h++) {
            score += out[h] * tanh(pre[h]);
        }
        return score;
    }

    /**
     * tanh through {@link Math#exp}, which the JIT compiles to an intrinsic, where
     * {@link Math#tanh} calls into native code: the hidden layer takes a tanh per unit and candidate.
     */
    static double tanh(double x) {
        return 1 - 2 / (Math.exp(2 * x) + 1);
    }

    /** The format, version, shape, new users' picks and parameters, for a snapshot topic or a store. */
    public byte[] toBytes() {
        int floats = linear.length + in.length + bias.length + out.length;
        long[] newUserPicks = newUsers.hits();
        long[] youngUserPicks = youngUsers.counts();
        long[] picks = Arrays.copyOf(newUserPicks, newUserPicks.length + youngUserPicks.length);
        System.arraycopy(youngUserPicks, 0, picks, newUserPicks.length, youngUserPicks.length);
        ByteBuffer buffer = ByteBuffer.allocate(4 + 8 + 4 + 4 + 4 + 8 * picks.length + 4 * floats);
        buffer.putInt(FORMAT).putLong(version).putInt(features).putInt(hidden).putInt(picks.length);
        for (long count : picks) {
            buffer.putLong(count);
        }
        for (float[] part : new float[][] {linear, in, bias, out}) {
            for (float value : part) {
                buffer.putFloat(value);
            }
        }
        return buffer.array();
    }

    /** Reads {@link #toBytes()} of this format or format 1; refuses another, or a truncated or padded value. */
    public static RankerWeights fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 20) {
            throw new IllegalArgumentException("ranker weights need at least 20 bytes, got " + bytes.length);
        }
        int format = buffer.getInt();
        if (format != FORMAT && format != WITHOUT_NEW_USERS) {
            throw new IllegalArgumentException("ranker weights of format " + format + ", this build reads " + FORMAT);
        }
        long version = buffer.getLong();
        int features = buffer.getInt();
        int hidden = buffer.getInt();
        int orders = format == FORMAT && bytes.length >= 24 ? buffer.getInt() : 0;
        long header = format == FORMAT ? 24L + 8L * orders : 20L;
        long expected = header + 4L * ((long) features + (long) features * hidden + 2L * hidden);
        if (features <= 0 || hidden < 0 || orders < 0 || bytes.length != expected) {
            throw new IllegalArgumentException("ranker weights of " + features + " features and " + hidden
                    + " hidden units need " + expected + " bytes, got " + bytes.length);
        }
        if (features != RankerFeatures.COUNT) {
            // Weights another build trained, on other features: ranking with them would misread every row.
            throw new IllegalArgumentException("ranker weights over " + features + " features, this build ranks by "
                    + RankerFeatures.COUNT);
        }
        long[] picks = new long[orders];
        for (int o = 0; o < orders; o++) {
            picks[o] = buffer.getLong();
        }
        float[] linear = read(buffer, features);
        float[] in = read(buffer, features * hidden);
        float[] bias = read(buffer, hidden);
        float[] out = read(buffer, hidden);
        int newUserCounts = Math.min(picks.length, PopularityOrder.values().length);
        return new RankerWeights(version, features, hidden, linear, in, bias, out,
                NewUserPicks.of(Arrays.copyOf(picks, newUserCounts)),
                YoungUserPicks.of(Arrays.copyOfRange(picks, newUserCounts, picks.length)));
    }

    private static float[] read(ByteBuffer buffer, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = buffer.getFloat();
        }
        return values;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RankerWeights[version=").append(version).append(", linear={");
        for (int f = 0; f < features; f++) {
            String name = f < RankerFeatures.NAMES.size() ? RankerFeatures.NAMES.get(f) : "f" + f;
            s.append(f == 0 ? "" : ", ").append(name).append('=').append(String.format("%.3f", linear[f]));
        }
        return s.append("}, hidden=").append(hidden).append(", newUsers=").append(newUsers).append(", youngUsers=")
                .append(youngUsers).append(']').toString();
    }
}
