package io.streamrec.evaluation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * Which lines of the replay form one group (a basket: the lines of one invoice), to be tested
 * together. A group is a maximal run of one user's consecutive events, in replay order, that carry
 * the same group value; other users' events may come between its lines. So a value that comes back
 * after another of the user's events starts a new group, two users sharing a value never share a
 * group, and a line without a value (no group column, or an empty cell) is a group of its own.
 */
final class EventGroups {
    /** The next line of the same group, -1 at a group's last line. */
    private final int[] next;
    private final BitSet starts = new BitSet();
    private final int count;

    private EventGroups(ReplayLog log) {
        next = new int[log.size()];
        Arrays.fill(next, -1);
        int[] lastOfUser = new int[log.users().size()];
        Arrays.fill(lastOfUser, -1);
        int groups = 0;
        for (int e = 0; e < log.size(); e++) {
            int user = log.user(e);
            int previous = lastOfUser[user];
            String group = log.event(e).group();
            if (group != null && previous >= 0 && Objects.equals(group, log.event(previous).group())) {
                next[previous] = e;
            } else {
                starts.set(e);
                groups++;
            }
            lastOfUser[user] = e;
        }
        count = groups;
    }

    static EventGroups of(ReplayLog log) {
        return new EventGroups(log);
    }

    /** Whether line {@code e} is the first of its group (always, for a line of no group). */
    boolean startsGroup(int e) {
        return starts.get(e);
    }

    /** The line after {@code e} in its group, or -1 when {@code e} is the group's last. */
    int next(int e) {
        return next[e];
    }

    /** How many groups the log has, lines of no group counted one each. */
    int count() {
        return count;
    }
}
