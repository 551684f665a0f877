package io.streamrec.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The debounced refresh asks who is due; the first change of a user starts their wait. */
class DirtyUsersTest {
    @Test
    void dueAreTheUsersDirtyForTheDebounceOldestFirst() {
        DirtyUsers dirty = new DirtyUsers();
        dirty.mark("a", 1000);
        dirty.mark("b", 1040);
        dirty.mark("a", 1090); // already dirty: still waiting since 1000
        dirty.mark("c", 1100);

        assertThat(dirty.due(1099, 100, Integer.MAX_VALUE)).isEmpty();
        assertThat(dirty.due(1140, 100, Integer.MAX_VALUE)).containsExactly("a", "b");
        dirty.clear("a");
        assertThat(dirty.due(1300, 100, Integer.MAX_VALUE)).containsExactly("b", "c");
        assertThat(dirty.due(1300, 100, 1)).as("the oldest, when only one is wanted").containsExactly("b");
        assertThat(dirty.size()).isEqualTo(2);
    }
}
