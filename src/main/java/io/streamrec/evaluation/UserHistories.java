package io.streamrec.evaluation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** What the baselines remember per user: every item had (to exclude) and the L most recent distinct ones. */
final class UserHistories {
    private final List<BitSet> seen = new ArrayList<>();
    private final List<int[]> recent = new ArrayList<>();
    private final List<int[]> recentSize = new ArrayList<>();
    private final int recentCapacity;

    UserHistories(int recentCapacity) {
        this.recentCapacity = recentCapacity;
    }

    BitSet seen(int user) {
        grow(user);
        return seen.get(user);
    }

    boolean hasHistory(int user) {
        return user < seen.size() && !seen.get(user).isEmpty();
    }

    /** The recent items, newest first, in a fresh array. */
    int[] recent(int user) {
        grow(user);
        return java.util.Arrays.copyOf(recent.get(user), recentSize.get(user)[0]);
    }

    /** Records the event; a repeat moves the item to the front of the recent items. */
    void add(int user, int item) {
        grow(user);
        seen.get(user).set(item);
        int[] list = recent.get(user);
        int[] size = recentSize.get(user);
        int at = 0;
        while (at < size[0] && list[at] != item) {
            at++;
        }
        if (at == size[0]) {
            at = Math.min(size[0], recentCapacity - 1);
            size[0] = Math.min(size[0] + 1, recentCapacity);
        }
        System.arraycopy(list, 0, list, 1, at);
        list[0] = item;
    }

    private void grow(int user) {
        while (seen.size() <= user) {
            seen.add(new BitSet());
            recent.add(new int[recentCapacity]);
            recentSize.add(new int[1]);
        }
    }
}
