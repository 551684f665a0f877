package io.streamrec.model.index;

import java.util.HashMap;
import java.util.Map;

/**
 * One shared String per neighbour id that the index does not hold yet. Records decoded from
 * messages bring a fresh String per neighbour, and during a restore most neighbours arrive after
 * the items naming them, so without sharing every row would keep its own copy of each (about 56
 * bytes against the 8 of a slot and a weight). When the item arrives, its pending String becomes
 * the index's id, so rows and index then share it.
 */
final class PendingIds {
    private Map<String, String> ids = new HashMap<>();
    /** Size above which the pool is rebuilt from the rows, dropping ids no row names any more. */
    private int rebuildAbove = 1024;
    /** Ids claimed since the last sweep: rows waiting for them could resolve them now. */
    private int claimed;

    /** The shared copy of {@code id}. */
    String share(String id) {
        String had = ids.putIfAbsent(id, id);
        return had == null ? id : had;
    }

    /** The shared copy of an id the index is about to hold (or {@code id} itself), no longer pending. */
    String claim(String id) {
        String had = ids.remove(id);
        if (had == null) {
            return id;
        }
        claimed++;
        return had;
    }

    /** Whether the rows are due a sweep: the pool has doubled, or more than {@code claims} of its ids arrived. */
    boolean needsSweep(int claims) {
        return ids.size() > rebuildAbove || claimed > claims;
    }

    /** Starts the pool afresh; the caller then {@link #keep}s every id its rows still name. */
    void clear() {
        ids = new HashMap<>();
    }

    void keep(String id) {
        ids.put(id, id);
    }

    /** After a sweep: the next one comes when the pool has doubled, so rebuilds cost O(1) per id. */
    void swept() {
        rebuildAbove = Math.max(1024, 2 * ids.size());
        claimed = 0;
    }
}
