package io.streamrec.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 */
public final class ContentVectors {
    static final int BUCKETS = 1 << 18;
    /** Words too common in titles, in several languages, to say anything about an item. */
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "of", "and", "in", "on", "to", "for",
            "with", "at", "by", "from", "or", "is", "it", "la", "le", "les", "de", "der", "die", "das", "il", "el",
            "et", "du", "des", "un", "une");
    /** Cached neighbour lists are recomputed after this many writes (or a hundredth of the catalogue). */
    private static final int STALE_WRITES = 64;

    private int[][] features = new int[16][];
    private float[][] weights = new float[16][];
    /** The items holding each bucket, indexed by bucket (null for none): no boxing on the scoring path. */
    private final Posting[] postings = new Posting[BUCKETS];
    private int items;
    private int writesSinceRebuild;
    private long writes;
    private float[] scratch = new float[16];
    /** The profile being scored: feature + 1 (0 = empty) and its weight, open addressing. */
    private int[] profileKeys = new int[64];
    private float[] profileValues = new float[64];
    private int[][] cachedNeighbours = new int[16][];
    private long[] cachedAt = new long[16];
    private int[] cachedK = new int[16];
    private long lastRemovalAt = -1;

    /** The slots holding one bucket, unordered. */
    private static final class Posting {
        int[] slots = new int[4];
        int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        void remove(int slot) {
            for (int i = 0; i < size; i++) {
                if (slots[i] == slot) {
                    slots[i] = slots[--size];
                    return;
                }
            }
        }
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
        if (features[slot] == null ? next.length == 0 : Arrays.equals(features[slot], next)) {
            return;
        }
        removeFeatures(slot);
        if (next.length > 0) {
            features[slot] = next;
            for (int f : next) {
                if (postings[f] == null) {
                    postings[f] = new Posting();
                }
                postings[f].add(slot);
            }
            items++;
        }
        written();
        if (features[slot] != null) {
            weigh(slot);
        }
    }

    public synchronized void remove(int slot) {
        if (slot < features.length && features[slot] != null) {
            removeFeatures(slot);
            written();
            // The slot may be reused by another item: no cached list may still point at it.
            lastRemovalAt = writes;
        }
    }

    public synchronized boolean has(int slot) {
        return slot >= 0 && slot < features.length && features[slot] != null;
    }

    /** Content cosine of two items, 0 when either has no content. */
    public synchronized float cosine(int a, int b) {
        if (!has(a) || !has(b)) {
            return 0f;
        }
        int[] fa = features[a];
        int[] fb = features[b];
        float[] wa = weights[a];
        float[] wb = weights[b];
        float dot = 0f;
        for (int i = 0, j = 0; i < fa.length && j < fb.length; ) {
            if (fa[i] == fb[j]) {
                dot += wa[i++] * wb[j++];
            } else if (fa[i] < fb[j]) {
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
        if (has(slot)) {
            accumulate(slot, out);
        }
        return out;
    }

    /**
     * The {@code k} items most similar in content to {@code slot}, best first, itself excluded.
     * Cached per item until the catalogue has changed by {@link #STALE_WRITES} writes or a hundredth.
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
        if (scratch.length < features.length) {
            scratch = new float[features.length];
        }
        int[] touched = accumulate(slot, scratch);
        TopN top = new TopN(Math.max(1, k));
        for (int s : touched) {
            if (s != slot && scratch[s] > 0) {
                top.offer(s, scratch[s]);
            }
            scratch[s] = 0f;
        }
        int[] best = top.slotsBestFirst();
        cachedNeighbours[slot] = best;
        cachedAt[slot] = writes;
        cachedK[slot] = k;
        return best;
    }

    /**
     * For each of the first {@code count} candidate slots, the content score against a profile:
     * the weighted sum of the recent items' content vectors (weights e.g. decaying with recency),
     * so one pass over the profile's features serves all candidates.
     */
    public synchronized void scoreAgainst(int[] profileSlots, double[] profileWeights, int[] candidates, int count,
                                          float[] out) {
        int entries = 0;
        for (int s : profileSlots) {
            entries += has(s) ? features[s].length : 0;
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
                for (int i = 0; i < features[s].length; i++) {
                    int at = find(features[s][i], mask);
                    if (profileKeys[at] == 0) {
                        profileKeys[at] = features[s][i] + 1;
                        profileValues[at] = 0f;
                    }
                    profileValues[at] += (float) (profileWeights[r] * weights[s][i]);
                }
            }
        }
        for (int k = 0; k < count; k++) {
            int s = candidates[k];
            float score = 0f;
            if (entries > 0 && has(s)) {
                for (int i = 0; i < features[s].length; i++) {
                    int at = find(features[s][i], mask);
                    if (profileKeys[at] != 0) {
                        score += profileValues[at] * weights[s][i];
                    }
                }
            }
            out[k] = score;
        }
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
                                        java.util.function.IntPredicate accept) {
        int[] f = features(title, categories, tags);
        if (f.length == 0) {
            return new Nearest(new int[0], new float[0]);
        }
        if (scratch.length < features.length) {
            scratch = new float[features.length];
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

    private int[] accumulate(int slot, float[] into) {
        return accumulate(features[slot], weights[slot], into);
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
            for (int p = 0; p < posting.size; p++) {
                int other = posting.slots[p];
                if (other >= into.length) {
                    continue;
                }
                if (into[other] == 0f) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, n * 2);
                    }
                    touched[n++] = other;
                }
                into[other] += w[i] * weightOf(other, f[i]);
            }
        }
        return Arrays.copyOf(touched, n);
    }

    private float weightOf(int slot, int feature) {
        int i = Arrays.binarySearch(features[slot], feature);
        return i >= 0 ? weights[slot][i] : 0f;
    }

    private void removeFeatures(int slot) {
        if (features[slot] == null) {
            return;
        }
        for (int f : features[slot]) {
            Posting posting = postings[f];
            posting.remove(slot);
            if (posting.size == 0) {
                postings[f] = null;
            }
        }
        features[slot] = null;
        weights[slot] = null;
        cachedNeighbours[slot] = null;
        items--;
    }

    private void written() {
        writes++;
        if (++writesSinceRebuild > Math.max(STALE_WRITES, items / 50)) {
            // The catalogue moved enough that document frequencies have shifted: reweigh everyone.
            writesSinceRebuild = 0;
            for (int s = 0; s < features.length; s++) {
                if (features[s] != null) {
                    weigh(s);
                }
            }
        }
    }

    /** TF-IDF with binary term frequency, log(1 + N / df), scaled to unit length. */
    private void weigh(int slot) {
        int[] f = features[slot];
        float[] w = new float[f.length];
        double norm = 0;
        for (int i = 0; i < f.length; i++) {
            Posting posting = postings[f[i]];
            w[i] = (float) Math.log(1 + (double) items / Math.max(1, posting.size));
            norm += w[i] * w[i];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        weights[slot] = w;
    }

    private void ensureCapacity(int slots) {
        if (slots > features.length) {
            int capacity = Math.max(slots, features.length * 2);
            features = Arrays.copyOf(features, capacity);
            weights = Arrays.copyOf(weights, capacity);
            cachedNeighbours = Arrays.copyOf(cachedNeighbours, capacity);
            cachedAt = Arrays.copyOf(cachedAt, capacity);
            cachedK = Arrays.copyOf(cachedK, capacity);
        }
    }
}
