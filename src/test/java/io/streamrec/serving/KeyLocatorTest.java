package io.streamrec.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.serving.KeyLocator.Copy;
import io.streamrec.serving.KeyLocator.Kind;
import io.streamrec.serving.KeyLocator.Placement;
import io.streamrec.serving.KeyLocator.Route;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Which copy of a key's partition answers, decided from Kafka Streams' own metadata objects. */
class KeyLocatorTest {
    private static final HostInfo SELF = new HostInfo("self", 7070);
    private static final HostInfo B = new HostInfo("b", 7071);
    private static final HostInfo C = new HostInfo("c", 7072);
    private static final int PARTITION = 3;

    private static KeyQueryMetadata activeAt(HostInfo active, HostInfo... standbys) {
        return new KeyQueryMetadata(active, Set.of(standbys), PARTITION);
    }

    @Test
    void aKeyWhoseActiveCopyIsHereIsRoutedHereAndOneOwnedElsewhereToItsOwner() {
        assertThat(Route.of(activeAt(SELF, B), SELF)).isEqualTo(new Route(Kind.LOCAL, SELF, PARTITION));
        assertThat(Route.of(activeAt(B, SELF), SELF)).isEqualTo(new Route(Kind.REMOTE, B, PARTITION));
    }

    @Test
    void aKeyNoInstanceIsAssignedYetHasNoRoute() {
        assertThat(Route.of(null, SELF).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void theActiveCopyHereIsAskedFirstThenThisInstancesStaleReadThenTheOtherStandbys() {
        Placement placement = Placement.of(activeAt(SELF, B, C), SELF, false);
        assertThat(placement.partition()).isEqualTo(PARTITION);
        assertThat(placement.active()).isEqualTo(new Copy(SELF, true, false));
        assertThat(placement.standbys()).first().isEqualTo(new Copy(SELF, true, true));
        assertThat(placement.standbys()).containsExactlyInAnyOrder(new Copy(SELF, true, true),
                new Copy(B, false, true), new Copy(C, false, true));
    }

    @Test
    void aKeyOwnedElsewhereIsRelayedToItsOwnerAndThisInstancesStandbyIsTheFirstFallback() {
        Placement placement = Placement.of(activeAt(B, C, SELF), SELF, false);
        assertThat(placement.active()).isEqualTo(new Copy(B, false, false));
        assertThat(placement.standbys()).first().isEqualTo(new Copy(SELF, true, true));
        assertThat(placement.standbys()).containsExactlyInAnyOrder(new Copy(SELF, true, true),
                new Copy(C, false, true));
    }

    @Test
    void anInstanceHoldingNoCopyAsksTheOwnerThenTheStandbysElsewhere() {
        Placement placement = Placement.of(activeAt(B, C), SELF, false);
        assertThat(placement.active()).isEqualTo(new Copy(B, false, false));
        assertThat(placement.standbys()).containsExactly(new Copy(C, false, true));
    }

    @Test
    void aRelayedRequestIsAnsweredOnlyFromThisInstancesOwnCopies() {
        assertThat(Placement.of(activeAt(B, SELF, C), SELF, true))
                .isEqualTo(new Placement(PARTITION, null, List.of(new Copy(SELF, true, true))));
        assertThat(Placement.of(activeAt(SELF, B), SELF, true))
                .isEqualTo(new Placement(PARTITION, new Copy(SELF, true, false),
                        List.of(new Copy(SELF, true, true))));
        Placement nothingHere = Placement.of(activeAt(B, C), SELF, true);
        assertThat(nothingHere.active()).isNull();
        assertThat(nothingHere.standbys()).isEmpty();
    }
}
