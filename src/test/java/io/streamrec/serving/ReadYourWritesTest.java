package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamrec.avro.Recommendations;
import io.streamrec.stores.StoredList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadYourWritesTest {
    private final ReadYourWrites readYourWrites = new ReadYourWrites("interactions", () -> 4);
    private final ReadYourWrites.Wait waitFor = new ReadYourWrites.Wait(new EventId("interactions", 1, 100), 5_000);

    @AfterEach
    void stop() {
        readYourWrites.close();
    }

    @Test
    void aListReflectsAnEventWhenItsNewestEventIsOnTheSamePartitionAtOrAfterIt() {
        assertThat(waitFor.reflectedBy(list(1, 100))).isTrue();
        assertThat(waitFor.reflectedBy(list(1, 250))).isTrue();
        assertThat(waitFor.reflectedBy(list(1, 99))).as("refreshed before the event").isFalse();
        assertThat(waitFor.reflectedBy(list(2, 500))).as("offsets of another partition say nothing").isFalse();
        assertThat(waitFor.reflectedBy(null)).as("no list yet").isFalse();
    }

    @Test
    void theWaitEndsWithTheFirstListThatReflectsTheEvent() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        List<StoredList> versions = List.of(list(1, 10), list(1, 99), list(1, 101), list(1, 200));
        CompletableFuture<StoredList> answer = readYourWrites.await("u1", waitFor,
                () -> versions.get(Math.min(reads.getAndIncrement(), versions.size() - 1)));
        assertThat(answer.get().decode().getLastEventOffset()).isEqualTo(101);
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void aListThatNeverCatchesUpIsA504NamingWhatItDoesReflect() {
        ReadYourWrites.Wait noTime = new ReadYourWrites.Wait(waitFor.after(), 0);
        CompletableFuture<StoredList> answer = readYourWrites.await("u1", noTime, () -> list(1, 42));
        assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ApiError.class)
                .hasMessageContaining("interactions-1-100").hasMessageContaining("up to interactions-1-42")
                .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(504));
    }

    @Test
    void aFailingStoreReadFailsTheWaitWithItsOwnError() {
        CompletableFuture<StoredList> answer = readYourWrites.await("u1", waitFor, () -> {
            throw new ApiError(503, "being restored");
        });
        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.handle((list, e) -> e.getMessage()).join()).contains("being restored");
    }

    private static StoredList list(int partition, long offset) {
        return StoredList.of(Recommendations.newBuilder().setUser("u1").setItems(List.of()).setPersonalized(true)
                .setModelVersion("test").setGeneratedAt(Instant.EPOCH).setLastEventTimestamp(Instant.EPOCH)
                .setLastEventPartition(partition).setLastEventOffset(offset).setEventsSeen(1).build());
    }
}
