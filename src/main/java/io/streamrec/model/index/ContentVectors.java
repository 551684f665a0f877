package io.streamrec.model.index;

import io.streamrec.model.TopN;
import io.streamrec.model.VectorMath;
import io.streamrec.model.content.ContentEncoder;
import io.streamrec.model.content.ContentRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Items' content as sparse TF-IDF vectors over hashed features: each category, each tag and each
 * title word (plus the decade of a "(1995)"-style year) is hashed into one of {@link #BUCKETS}
 * buckets, weighted by its inverse document frequency over the catalogue and scaled to unit
 * length, so the dot product of two items is their content cosine. Feature hashing needs no
 * vocabulary shared between instances: the same metadata gives the same vector everywhere.
 *
 * <p>Keyed by the slots of the {@link ItemIndex} that owns it (which calls {@link #put} and
 * {@link #remove} under its write lock); methods are synchronized because readers come from
 * several threads and share one scratch array. IDF weights are recomputed for the whole catalogue
 * only once it has changed by a few percent, so a stream of catalogue updates costs O(features)
 * each; in between, a new item is weighted by the frequencies of the last rebuild (its own new
 * words count as rare).
 *
 * <p>Once {@link #encodeWith} has given it an encoder (learned from these vectors, see
 * {@code content.ContentAutoencoder}), every similarity it answers is the cosine of the items'
 * dense codes instead, clipped at 0 as a TF-IDF cosine is, or a mix of the two cosines: the
 * sparse vectors stay, as the input of the codes and of the next training.
 */
public final class ContentVectors {
    static final int BUCKETS = 1 << 18;
    /** Words too common in titles, in several languages, to say anything about an item. */
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "of", "and", "in", "on", "to", "for",
            "with", "at", "by", "from", "or", "is", "it", "la", "le", "les", "de", "der", "die", "das", "il", "el",
            "et", "du", "des", "un", "une");
    /** Cached neighbour lists are recomputed after this many writes (or a hundredth of the catalogue). */
    private static final int STALE_WRITES = 64;
    /** A feature held by at most this many items counts as rare for neighbour lists, whatever the catalogue's size... */
    private static final int RARE_POSTING = 64;
    /** ...and so does one held by at most this share (1/n) of the catalogue. */
    private static final int COMMON_SHARE = 30;

    /**
     * Per slot, its sorted features each packed with its weight ({@link #term}): one array per
     * candidate to fetch when scoring, where separate feature and weight arrays cost two cache misses.
     */
    private long[][] terms = new long[16][];
    /** The items holding each bucket, indexed by bucket (null for none): no boxing on the scoring path. */
    private final Posting[] postings = new Posting[BUCKETS];
    private int items;
    private int writesSinceRebuild;
    private long writes;
    private float[] scratch = new float[16];
    /** The profile being scored: feature + 1 (0 = empty) and its weight, open addressing. */
    private int[] profileKeys = new int[64];
    private float[] profileValues = new float[64];
    /** One bit per bucket, set for the profile's features: most candidate features miss it and need no probe. */
    private final long[] profileBits = new long[BUCKETS / 64];
    private int[][] cachedNeighbours = new int[16][];
    private long[] cachedAt = new long[16];
    private int[] cachedK = new int[16];
    private long lastRemovalAt = -1;
    /** What similarity comes from: null for the TF-IDF cosine, else the cosine of {@link #codes}. */
    private ContentEncoder encoder;
    /** The codes' share of a similarity when there is an encoder, the TF-IDF cosine's the rest. */
    private float codeShare;
    /** Per slot, its unit code under {@link #encoder}; null without content, without an encoder, or a degenerate code. */
    private float[][] codes = new float[16][];

    /**
     * The slots holding one bucket, unordered, each with its weight for the bucket: accumulating
     * over a posting then reads no other item's vector.
     */
    private static final class Posting {
        int[] slots = new int[4];
        float[] weights = new float[4];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            weights[size] = 0f;
            slots[size++] = slot;
        }

        void remove(int slot) {
            int at = indexOf(slot);
            if (at >= 0) {
                slots[at] = slots[--size];
                weights[at] = weights[size];
            }
        }

        void setWeight(int slot, float weight) {
            weights[indexOf(slot)] = weight;
        }

        /** Searched from the end, where a slot just added sits. */
        private int indexOf(int slot) {
            for (int i = size - 1; i >= 0; i--) {
                if (slots[i] == slot) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static long term(int feature, float weight) {
        return (long) feature << 32 | (Float.floatToRawIntBits(weight) & 0xFFFFFFFFL);
    }

    private static int feature(long term) {
        return (int) (term >>> 32);
    }

    private static float weight(long term) {
        return Float.intBitsToFloat((int) term);
    }

    /** Hashed, sorted, distinct features of an item's metadata; empty when it has none. */
    public static int[] features(String title, List<String> categories, List<String> tags) {
        int[] out = new int[8];
        int n = 0;
        for (String c : categories) {
            out = append(out, n++, bucket("c:" + c.trim().toLowerCase(Locale.ROOT)));
        }
        for (String t : tags) {
            out = append(out, n++, bucket("t:" + t.trim().toLowerCase(Locale.ROOT)));
        }
        if (title != null) {
            for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() == 4 && word.chars().allMatch(Character::isDigit)) {
                    // A year: what the era says carries over between items, the exact year rarely.
                    out = append(out, n++, bucket("d:" + word.substring(0, 3)));
                } else if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                    out = append(out, n++, bucket("w:" + word));
                }
            }
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    private static int[] append(int[] array, int at, int value) {
        int[] out = at == array.length ? Arrays.copyOf(array, at * 2) : array;
        out[at] = value;
        return out;
    }

    private static int bucket(String feature) {
        // String.hashCode spreads poorly in the low bits; mix it before taking the bucket.
        int h = feature.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 15)) & (BUCKETS - 1);
    }

    /** Sets the content of the item in {@code slot}; an item without metadata has no content vector. */
    public synchronized void put(int slot, String title, List<String> categories, List<String> tags) {
        ensureCapacity(slot + 1);
        int[] next = features(title, categories, tags);
        if (terms[slot] == null ? next.length == 0 : Arrays.equals(featuresOf(slot), next)) {
            return;
        }
        removeFeatures(slot);
        if (next.length > 0) {
            long[] unweighted = new long[next.length];
            for (int i = 0; i < next.length; i++) {
                unweighted[i] = term(next[i], 0f);
            }
            terms[slot] = unweighted;
            for (int f : next) {
                if (postings[f] == null) {
                    postings[f] = new Posting();
                }
                postings[f].add(slot);
            }
            items++;
        }
        written();
        if (terms[slot] != null) {
            weigh(slot);
            post(slot);
            codes[slot] = encoder == null ? null : encode(terms[slot]);
        }
    }

    /** How many times the catalogue's content has changed (items put with new content or removed). */
    public synchronized long changes() {
        return writes;
    }

    /** Every item's TF-IDF vector: what an encoder is trained on. */
    public synchronized List<ContentRow> rows() {
        List<ContentRow> rows = new ArrayList<>(items);
        for (long[] t : terms) {
            if (t != null) {
                rows.add(new ContentRow(featuresOf(t), weightsOf(t)));
            }
        }
        return rows;
    }

    /**
     * From now on similarity is {@code codeShare} times the cosine of codes by {@code next} plus the
     * rest times the TF-IDF cosine; every item is encoded now, and cached neighbours dropped.
     */
    public synchronized void encodeWith(ContentEncoder next, double codeShare) {
        if (!(codeShare > 0 && codeShare <= 1)) {
            throw new IllegalArgumentException("the codes' share of content similarity must be in (0, 1], was "
                    + codeShare);
        }
        encoder = next;
        this.codeShare = (float) codeShare;
        encodeAll();
        Arrays.fill(cachedNeighbours, null);
    }

    private void encodeAll() {
        for (int s = 0; s < terms.length; s++) {
            codes[s] = terms[s] == null ? null : encode(terms[s]);
        }
    }

    private float[] encode(long[] t) {
        return encoder.encode(featuresOf(t), weightsOf(t));
    }

    /** The cosine of two codes clipped at 0, 0 when either is missing: codes opposed are no more alike than unrelated ones. */
    private static float codeCosine(float[] a, float[] b) {
        return a == null || b == null ? 0f : Math.max(0f, VectorMath.dot(a, b));
    }

    /** The similarity of two items whose TF-IDF cosine is {@code tfidf} and whose codes are a and b, under an encoder. */
    private float mixed(float tfidf, float[] a, float[] b) {
        return (1 - codeShare) * tfidf + codeShare * codeCosine(a, b);
    }

    /**
     * Under an encoder, the k items most similar to the unit TF-IDF vector (f, w) whose code is
     * {@code code}: every item is visited, as any code may be close. {@code self} and items
     * {@code accept} refuses are left out.
     */
    private Nearest nearestMixed(float[] code, int[] f, float[] w, int self, int k, IntPredicate accept) {
        if (scratch.length < terms.length) {
            scratch = new float[terms.length];
        }
        int[] touched = codeShare < 1 ? accumulate(f, w, scratch) : new int[0];
        TopN top = new TopN(Math.max(1, k));
        for (int s = 0; s < codes.length; s++) {
            float similarity = mixed(scratch[s], code, codes[s]);
            if (s != self && similarity > 0 && accept.test(s)) {
                top.offer(s, similarity);
            }
        }
        int[] best = top.slotsBestFirst();
        float[] similarity = new float[best.length];
        for (int b = 0; b < best.length; b++) {
            similarity[b] = mixed(scratch[best[b]], code, codes[best[b]]);
        }
        for (int s : touched) {
            scratch[s] = 0f;
        }
        return new Nearest(best, similarity);
    }

    private int[] featuresOf(int slot) {
        return featuresOf(terms[slot]);
    }

    private static int[] featuresOf(long[] t) {
        int[] out = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = feature(t[i]);
        }
        return out;
    }

    private static float[] weightsOf(long[] t) {
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = weight(t[i]);
        }
        return out;
    }

    public synchronized void remove(int slot) {
        if (slot < terms.length && terms[slot] != null) {
            removeFeatures(slot);
            written();
            // The slot may be reused by another item: no cached list may still point at it.
            lastRemovalAt = writes;
        }
    }

    public synchronized boolean has(int slot) {
        return slot >= 0 && slot < terms.length && terms[slot] != null;
    }

    /** Content cosine of two items, 0 when either has no content. */
    public synchronized float cosine(int a, int b) {
        if (!has(a) || !has(b)) {
            return 0f;
        }
        if (encoder == null) {
            return cosineOf(terms[a], terms[b]);
        }
        return mixed(codeShare < 1 ? cosineOf(terms[a], terms[b]) : 0f, codes[a], codes[b]);
    }

    /** The dot product of two items' terms, summed in feature order as {@link #accumulate} sums it. */
    private static float cosineOf(long[] ta, long[] tb) {
        float dot = 0f;
        for (int i = 0, j = 0; i < ta.length && j < tb.length; ) {
            int fa = feature(ta[i]);
            int fb = feature(tb[j]);
            if (fa == fb) {
                dot += weight(ta[i++]) * weight(tb[j++]);
            } else if (fa < fb) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /**
     * The content cosine of {@code slot} with every slot below {@code slotCount} (0 for items sharing
     * no feature), found through the postings of its features, so only overlapping items are visited.
     */
    public synchronized float[] similarities(int slot, int slotCount) {
        float[] out = new float[slotCount];
        if (has(slot) && (encoder == null || codeShare < 1)) {
            accumulate(slot, Integer.MAX_VALUE, out);
        }
        if (has(slot) && encoder != null) {
            for (int s = 0; s < Math.min(slotCount, codes.length); s++) {
                out[s] = mixed(out[s], codes[slot], codes[s]);
            }
        }
        return out;
    }

    /**
     * The {@code k} items most similar in content to {@code slot}, best first, itself excluded,
     * among the items sharing one of its rarer features when any does (then perhaps fewer than k:
     * see {@link #nearestThroughRareFeatures}). Cached per item until the catalogue has changed by
     * {@link #STALE_WRITES} writes or a hundredth.
     */
    public synchronized int[] neighbours(int slot, int k) {
        if (!has(slot)) {
            return new int[0];
        }
        int[] cached = cachedNeighbours[slot];
        long staleAfter = Math.max(STALE_WRITES, items / 100);
        if (cached != null && cachedK[slot] >= k && cachedAt[slot] > lastRemovalAt
                && writes - cachedAt[slot] <= staleAfter) {
            return cached.length <= k ? cached : Arrays.copyOf(cached, k);
        }
        if (scratch.length < terms.length) {
            scratch = new float[terms.length];
        }
        int wanted = Math.max(1, k);
        int[] best = encoder != null
                ? nearestMixed(codes[slot], featuresOf(terms[slot]), weightsOf(terms[slot]), slot, wanted, s -> true).slots()
                : nearestThroughRareFeatures(slot, wanted);
        if (best == null) {
            best = nearest(slot, wanted, accumulate(slot, Integer.MAX_VALUE, scratch));
        }
        cachedNeighbours[slot] = best;
        cachedAt[slot] = writes;
        cachedK[slot] = k;
        return best;
    }

    /**
     * The (at most) k items closest in content among those sharing one of the item's rarer
     * features, or null when none does. An item sharing only common features (a category, a
     * decade) is a weak neighbour, and the postings of those features hold thousands of items:
     * walking them for every item's first neighbour list was a tenth of a MovieLens replay.
     * Neighbour lists only propose candidates; every candidate's content score is exact.
     */
    private int[] nearestThroughRareFeatures(int slot, int k) {
        int[] shared = accumulate(slot, Math.max(RARE_POSTING, items / COMMON_SHARE), scratch);
        long[] own = terms[slot];
        for (int other : shared) {
            // The partial sums only said who shares a rare feature; the cosine takes every feature.
            scratch[other] = cosineOf(own, terms[other]);
        }
        int[] best = nearest(slot, k, shared);
        return best.length > 0 ? best : null;
    }

    /** The k best of the {@code touched} slots by their scratch score (slot itself left out); clears their scratch. */
    private int[] nearest(int slot, int k, int[] touched) {
        TopN top = new TopN(k);
        for (int s : touched) {
            if (s != slot && scratch[s] > 0) {
                top.offer(s, scratch[s]);
            }
            scratch[s] = 0f;
        }
        return top.slotsBestFirst();
    }

    /**
     * For each of the first {@code count} candidate slots, the content score against a profile:
     * the weighted sum of the recent items' content vectors (weights e.g. decaying with recency),
     * so one pass over the profile's features serves all candidates.
     */
    public synchronized void scoreAgainst(int[] profileSlots, double[] profileWeights, int[] candidates, int count,
                                          float[] out) {
        if (encoder == null || codeShare < 1) {
            scoreTfidfAgainst(profileSlots, profileWeights, candidates, count, out);
        }
        if (encoder != null) {
            scoreCodesAgainst(profileSlots, profileWeights, candidates, count, out);
        }
    }

    private void scoreTfidfAgainst(int[] profileSlots, double[] profileWeights, int[] candidates, int count,
                                   float[] out) {
        int entries = 0;
        for (int s : profileSlots) {
            entries += has(s) ? terms[s].length : 0;
        }
        // The profile lives in a small open-addressing table that stays in the L1 cache: a table
        // over all buckets would cost a cache miss per candidate feature.
        int capacity = Integer.highestOneBit(Math.max(8, entries) * 4);
        if (profileKeys.length < capacity) {
            profileKeys = new int[capacity];
            profileValues = new float[capacity];
        }
        int mask = capacity - 1;
        Arrays.fill(profileKeys, 0, capacity, 0);
        for (int r = 0; r < profileSlots.length; r++) {
            int s = profileSlots[r];
            if (has(s)) {
                for (long t : terms[s]) {
                    int at = find(feature(t), mask);
                    profileBits[feature(t) >>> 6] |= 1L << feature(t);
                    if (profileKeys[at] == 0) {
                        profileKeys[at] = feature(t) + 1;
                        profileValues[at] = 0f;
                    }
                    profileValues[at] += (float) (profileWeights[r] * weight(t));
                }
            }
        }
        touch(candidates, count);
        for (int k = 0; k < count; k++) {
            int s = candidates[k];
            float score = 0f;
            long[] candidate;
            if (entries > 0 && s < terms.length && (candidate = terms[s]) != null) {
                for (long t : candidate) {
                    int f = feature(t);
                    if ((profileBits[f >>> 6] & 1L << f) != 0) {
                        score += profileValues[find(f, mask)] * weight(t);
                    }
                }
            }
            out[k] = score;
        }
        for (int s : profileSlots) {
            if (has(s)) {
                for (long t : terms[s]) {
                    profileBits[feature(t) >>> 6] = 0;
                }
            }
        }
    }

    /**
     * {@link #scoreAgainst} under an encoder: the weighted sum of the profile's codes, dotted with
     * each candidate's, clipped at 0 (linear in the profile, as the TF-IDF score is), mixed with the
     * TF-IDF score already in {@code out} when the codes' share is below 1.
     */
    private void scoreCodesAgainst(int[] profileSlots, double[] profileWeights, int[] candidates, int count,
                                   float[] out) {
        float[] profile = new float[encoder.codeSize()];
        for (int r = 0; r < profileSlots.length; r++) {
            int s = profileSlots[r];
            if (has(s) && codes[s] != null) {
                VectorMath.axpy((float) profileWeights[r], codes[s], profile);
            }
        }
        for (int k = 0; k < count; k++) {
            int s = candidates[k];
            out[k] = mixed(codeShare < 1 ? out[k] : 0f, profile, s >= 0 && s < codes.length ? codes[s] : null);
        }
    }

    /** Written so the JIT keeps {@link #touch}'s loads. */
    private long touched;

    /**
     * Loads each candidate's terms before scoring them. The loads are independent, so the CPU
     * overlaps their cache misses; in the scoring loop each candidate's probes come between
     * them and the misses are paid one after the other.
     */
    private void touch(int[] candidates, int count) {
        long sum = 0;
        for (int k = 0; k < count; k++) {
            int s = candidates[k];
            long[] t = s < terms.length ? terms[s] : null;
            if (t != null) {
                sum += t[t.length - 1];
            }
        }
        touched += sum;
    }

    /** The profile table position holding {@code feature}, or the empty one where it would go (keys are feature + 1). */
    private int find(int feature, int mask) {
        int at = (feature * 0x9E3779B9 >>> 7) & mask;
        while (profileKeys[at] != 0 && profileKeys[at] != feature + 1) {
            at = (at + 1) & mask;
        }
        return at;
    }

    /** Items close in content to some metadata, best first, with their cosine. */
    public record Nearest(int[] slots, float[] similarity) {
    }

    /**
     * The {@code k} items most similar in content to metadata not (yet) in the catalogue, among the
     * slots {@code accept} admits: where a new item's starting vector can be borrowed from.
     */
    public synchronized Nearest nearest(String title, List<String> categories, List<String> tags, int k,
                                        IntPredicate accept) {
        int[] f = features(title, categories, tags);
        if (f.length == 0) {
            return new Nearest(new int[0], new float[0]);
        }
        if (scratch.length < terms.length) {
            scratch = new float[terms.length];
        }
        float[] w = new float[f.length];
        double norm = 0;
        for (int i = 0; i < f.length; i++) {
            Posting posting = postings[f[i]];
            // A feature no item has yet matches nothing, but still makes the new item less like the others.
            w[i] = (float) Math.log(1 + (double) (items + 1) / (1 + (posting == null ? 0 : posting.size)));
            norm += w[i] * w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= (float) Math.sqrt(norm);
        }
        if (encoder != null) {
            float[] code = encoder.encode(f, w);
            return nearestMixed(code, f, w, -1, k, accept);
        }
        int[] touched = accumulate(f, w, scratch);
        int n = touched.length;
        TopN top = new TopN(Math.max(1, k));
        for (int t = 0; t < n; t++) {
            int s = touched[t];
            if (scratch[s] > 0 && accept.test(s)) {
                top.offer(s, scratch[s]);
            }
        }
        int[] best = top.slotsBestFirst();
        float[] similarity = new float[best.length];
        for (int b = 0; b < best.length; b++) {
            similarity[b] = scratch[best[b]];
        }
        for (int t = 0; t < n; t++) {
            scratch[touched[t]] = 0f;
        }
        return new Nearest(best, similarity);
    }

    /** {@link #accumulate(int[], float[], float[])} over the slot's features held by at most {@code longestPosting} items. */
    private int[] accumulate(int slot, int longestPosting, float[] into) {
        long[] t = terms[slot];
        int[] f = new int[t.length];
        float[] w = new float[t.length];
        int n = 0;
        for (long term : t) {
            if (postings[feature(term)].size <= longestPosting) {
                f[n] = feature(term);
                w[n++] = weight(term);
            }
        }
        return accumulate(n == t.length ? f : Arrays.copyOf(f, n), n == t.length ? w : Arrays.copyOf(w, n), into);
    }

    /** Adds the cosine of the unit vector (f, w) with every overlapping item into {@code into}; returns those items. */
    private int[] accumulate(int[] f, float[] w, float[] into) {
        int[] touched = new int[16];
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            Posting posting = postings[f[i]];
            if (posting == null) {
                continue;
            }
            int[] slots = posting.slots;
            float[] weights = posting.weights;
            float wi = w[i];
            for (int p = 0; p < posting.size; p++) {
                int other = slots[p];
                if (other >= into.length) {
                    continue;
                }
                if (into[other] == 0f) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, n * 2);
                    }
                    touched[n++] = other;
                }
                into[other] += wi * weights[p];
            }
        }
        return Arrays.copyOf(touched, n);
    }

    private void removeFeatures(int slot) {
        if (terms[slot] == null) {
            return;
        }
        for (long t : terms[slot]) {
            Posting posting = postings[feature(t)];
            posting.remove(slot);
            if (posting.size == 0) {
                postings[feature(t)] = null;
            }
        }
        terms[slot] = null;
        codes[slot] = null;
        cachedNeighbours[slot] = null;
        items--;
    }

    private void written() {
        writes++;
        if (++writesSinceRebuild > Math.max(STALE_WRITES, items / 50)) {
            // The catalogue moved enough that document frequencies have shifted: reweigh everyone.
            writesSinceRebuild = 0;
            for (int s = 0; s < terms.length; s++) {
                if (terms[s] != null) {
                    weigh(s);
                }
            }
            postAll();
            if (encoder != null) {
                encodeAll();
            }
        }
    }

    /** TF-IDF with binary term frequency, log(1 + N / df), scaled to unit length. */
    private void weigh(int slot) {
        long[] t = terms[slot];
        float[] w = new float[t.length];
        double norm = 0;
        for (int i = 0; i < t.length; i++) {
            Posting posting = postings[feature(t[i])];
            w[i] = (float) Math.log(1 + (double) items / Math.max(1, posting.size));
            norm += w[i] * w[i];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < w.length; i++) {
            t[i] = term(feature(t[i]), w[i] * scale);
        }
    }

    /** Copies the slot's weights into the postings of its features. */
    private void post(int slot) {
        for (long t : terms[slot]) {
            postings[feature(t)].setWeight(slot, weight(t));
        }
    }

    /** Copies every item's weights into the postings: after a rebuild, one pass over the postings. */
    private void postAll() {
        for (int f = 0; f < BUCKETS; f++) {
            Posting posting = postings[f];
            if (posting != null) {
                for (int p = 0; p < posting.size; p++) {
                    long[] t = terms[posting.slots[p]];
                    // Terms sort by feature first; a key with zero weight bits finds this feature's
                    // term or the insertion point just before it, which is the same place.
                    int at = Arrays.binarySearch(t, (long) f << 32);
                    at = at >= 0 ? at : -at - 1;
                    posting.weights[p] = weight(t[at]);
                }
            }
        }
    }

    private void ensureCapacity(int slots) {
        if (slots > terms.length) {
            int capacity = Math.max(slots, terms.length * 2);
            terms = Arrays.copyOf(terms, capacity);
            codes = Arrays.copyOf(codes, capacity);
            cachedNeighbours = Arrays.copyOf(cachedNeighbours, capacity);
            cachedAt = Arrays.copyOf(cachedAt, capacity);
            cachedK = Arrays.copyOf(cachedK, capacity);
        }
    }
}
