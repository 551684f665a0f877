package io.streamrec.model.ranking;

import io.streamrec.model.ScoredItem;
import io.streamrec.model.UserProfile;
import io.streamrec.model.VectorMath;
import io.streamrec.model.index.ContentVectors;
import io.streamrec.model.index.ItemIndex;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Why each item of one list is in it, in words naming one of the user's recent items or a
 * category. What the reasons of a list share (the recent items' slots, their unit vectors, the
 * sentences) is computed once per list: a list of 50 asked the index for the same recent items'
 * slots hundreds of times.
 */
final class ListReasons {
    private final ItemIndex.Snapshot snapshot;
    private final UserProfile user;
    private final ContentVectors content;
    /** The slots of the user's recent items within the co-visitation window (-1 for unknown ones). */
    private final int[] windowSlots;
    private float[][] windowUnits;
    private List<String> recentCategories;
    private final String[] sentences;

    /** @param windowSlots slots of the user's newest items, newest first, as far as the co-visitation window reaches */
    ListReasons(ItemIndex.Snapshot snapshot, UserProfile user, int[] windowSlots, ContentVectors content) {
        this.snapshot = snapshot;
        this.user = user;
        this.content = content;
        this.windowSlots = windowSlots;
        this.sentences = user == null ? new String[0] : new String[user.recentItems.size()];
    }

    /** The reason for the item in {@code slot}, which {@code source} contributed most to. */
    String of(int slot, ScoredItem.Source source, int coVisitedFrom) {
        int recent;
        switch (source) {
            case COVISITATION:
                recent = coVisitedFrom;
                break;
            case EMBEDDING:
                recent = mostSimilarRecent(slot);
                break;
            case CONTENT:
                recent = closestInContent(slot);
                break;
            default:
                return popularityReason(slot);
        }
        if (recent < 0) {
            // No recent item is like the candidate: naming one would claim a likeness that is not there.
            return popularityReason(slot);
        }
        if (sentences[recent] == null) {
            sentences[recent] = because(user.recentTypes.get(recent), label(snapshot, user.recentItems.get(recent)));
        }
        return sentences[recent];
    }

    /**
     * "because you bought X" and the like: the verb of the event that last touched the recent item.
     * A type not known (older state, a context's items, a type of the user's own naming) views it.
     */
    static String because(String type, String label) {
        if (type == null) {
            return "because you viewed " + label;
        }
        return switch (type) {
            case "CLICK" -> "because you clicked " + label;
            case "ADD_TO_CART" -> "because you added " + label + " to your cart";
            case "PURCHASE" -> "because you bought " + label;
            case "RATING" -> "because you rated " + label;
            case "LIKE" -> "because you liked " + label;
            case "SHARE" -> "because you shared " + label;
            default -> "because you viewed " + label;
        };
    }

    /**
     * "trending in C" when the item shares category C with one of the user's recent items (the
     * popularity is about something they browse), else "popular". C is the first such category
     * of the newest such recent item.
     */
    private String popularityReason(int slot) {
        List<String> categories = snapshot.entry(slot).metadata().categories();
        if (user != null && !user.isCold() && !categories.isEmpty()) {
            for (String category : recentCategories()) {
                if (categories.contains(category)) {
                    return "trending in " + category;
                }
            }
        }
        return "popular";
    }

    /** The recent items' categories, newest item first, each once: looked up once per list, not per popular item. */
    private List<String> recentCategories() {
        if (recentCategories == null) {
            LinkedHashSet<String> ordered = new LinkedHashSet<>();
            for (String recent : user.recentItems) {
                int recentSlot = snapshot.slot(recent);
                if (recentSlot >= 0) {
                    ordered.addAll(snapshot.entry(recentSlot).metadata().categories());
                }
            }
            recentCategories = List.copyOf(ordered);
        }
        return recentCategories;
    }

    /** The position of the recent item (within the co-visitation window) most like the candidate in content; -1 for none. */
    private int closestInContent(int slot) {
        int best = -1;
        float bestCosine = 0f;
        for (int r = 0; r < windowSlots.length; r++) {
            float cosine = windowSlots[r] < 0 ? 0f : content.cosine(windowSlots[r], slot);
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = r;
            }
        }
        return best;
    }

    /**
     * The position of the recent item whose vector is closest to the candidate: the best single
     * explanation; -1 when none points the candidate's way (a cosine of 0 or less is no likeness).
     */
    private int mostSimilarRecent(int slot) {
        if (windowUnits == null) {
            windowUnits = unitVectors();
        }
        int best = -1;
        float bestDot = 0f;
        // The candidate's own norm scales every recent item alike, so it is left out.
        float[] dots = new float[windowUnits.length];
        snapshot.dots(windowUnits, slot, dots);
        for (int r = 0; r < windowUnits.length; r++) {
            if (windowUnits[r] != null) {
                float dot = dots[r];
                if (dot > bestDot) {
                    bestDot = dot;
                    best = r;
                }
            }
        }
        return best;
    }

    /** The window's vectors scaled to unit length (null for an unknown item). */
    private float[][] unitVectors() {
        float[][] units = new float[windowSlots.length][];
        for (int r = 0; r < units.length; r++) {
            if (windowSlots[r] >= 0) {
                float[] v = snapshot.vector(windowSlots[r]);
                float norm = VectorMath.norm(v);
                if (norm > 0) {
                    for (int d = 0; d < v.length; d++) {
                        v[d] /= norm;
                    }
                    units[r] = v;
                }
            }
        }
        return units;
    }

    static String label(ItemIndex.Snapshot snapshot, String item) {
        int slot = snapshot.slot(item);
        return slot < 0 ? item : label(snapshot.entry(slot));
    }

    static String label(ItemIndex.Entry entry) {
        String title = entry.metadata().title();
        return title != null && !title.isBlank() ? title : entry.id();
    }
}
