package org.eventcore.projection.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.LeaseLostException;
import org.eventcore.projection.spi.ProjectionLeases.Lease;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryProjectionLeasesTest {

    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final InMemoryCheckpointStore checkpoints = InMemoryCheckpointStore.create();
    final InMemoryProjectionLeases leases = InMemoryProjectionLeases.create(checkpoints, clock);

    @Test
    void a_free_projection_is_granted_with_epoch_1_and_refused_to_another_owner_until_expiry() {
        Lease a = leases.acquire("p", "a", TEN_SECONDS).orElseThrow();
        assertThat(a).isEqualTo(new Lease("p", 1, "a", now.plus(TEN_SECONDS), TEN_SECONDS));

        now = now.plusSeconds(9);
        assertThat(leases.acquire("p", "b", TEN_SECONDS)).isEmpty();
        assertThat(leases.acquire("q", "b", TEN_SECONDS))
                .as("other projections are independent")
                .hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(1));

        now = now.plusSeconds(1);
        assertThat(leases.acquire("p", "b", TEN_SECONDS))
                .hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(2));
    }

    @Test
    void renewal_extends_a_current_lease_and_fails_for_a_superseded_one() {
        Lease a = leases.acquire("p", "a", TEN_SECONDS).orElseThrow();
        now = now.plusSeconds(8);
        Lease renewed = leases.renew(a).orElseThrow();
        assertThat(renewed.until()).isEqualTo(now.plus(TEN_SECONDS));
        now = now.plusSeconds(9);
        assertThat(leases.acquire("p", "b", TEN_SECONDS))
                .as("renewed, so not expired")
                .isEmpty();

        now = now.plusSeconds(2);
        leases.acquire("p", "b", TEN_SECONDS).orElseThrow();
        assertThat(leases.renew(renewed)).isEmpty();
    }

    @Test
    void a_fenced_save_with_a_superseded_epoch_fails_and_leaves_the_checkpoint() {
        Lease a = leases.acquire("p", "a", TEN_SECONDS).orElseThrow();
        leases.saveFenced(a, GlobalPosition.of(5));
        now = now.plusSeconds(11);
        Lease b = leases.acquire("p", "b", TEN_SECONDS).orElseThrow();

        assertThatThrownBy(() -> leases.saveFenced(a, GlobalPosition.of(9)))
                .isInstanceOfSatisfying(LeaseLostException.class, e -> {
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.heldEpoch()).isEqualTo(1);
                    assertThat(e.currentEpoch()).isEqualTo(2);
                })
                .hasMessage("EC1600 Projection \"p\": the lease of fencing epoch 1 was lost, epoch 2 is current"
                        + " (another node took over); this node's progress is not saved");
        assertThat(checkpoints.load("p")).contains(GlobalPosition.of(5));
        leases.saveFenced(b, GlobalPosition.of(7));
        assertThat(checkpoints.load("p")).contains(GlobalPosition.of(7));
    }

    @Test
    void an_expired_lease_still_saves_while_no_one_took_over() {
        Lease a = leases.acquire("p", "a", TEN_SECONDS).orElseThrow();
        now = now.plusSeconds(60);
        leases.saveFenced(a, GlobalPosition.of(3));
        assertThat(checkpoints.load("p")).contains(GlobalPosition.of(3));
    }

    @Test
    void a_released_lease_is_granted_again_with_the_next_epoch_and_a_stale_release_does_nothing() {
        Lease a = leases.acquire("p", "a", TEN_SECONDS).orElseThrow();
        leases.release(a);
        Lease b = leases.acquire("p", "b", TEN_SECONDS).orElseThrow();
        assertThat(b.epoch()).isEqualTo(2);
        leases.release(a);
        assertThat(leases.acquire("p", "c", TEN_SECONDS)).isEmpty();
    }

    @Test
    void bad_names_owners_and_durations_are_refused() {
        assertThatThrownBy(() -> leases.acquire(" ", "a", TEN_SECONDS)).hasMessageStartingWith("EC1013");
        assertThatThrownBy(() -> leases.acquire("p", "", TEN_SECONDS)).hasMessageStartingWith("EC1601");
        assertThatThrownBy(() -> leases.acquire("p", "a", Duration.ZERO)).hasMessageStartingWith("EC1602");
    }
}
