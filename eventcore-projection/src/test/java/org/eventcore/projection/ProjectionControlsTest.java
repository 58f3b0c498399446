package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.projection.Fixture.awaitCaughtUp;
import static org.eventcore.projection.Fixture.eventually;

import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.ProjectionControl;
import org.eventcore.projection.spi.ProjectionControl.Action;
import org.eventcore.projection.spi.ProjectionControl.Status;
import org.eventcore.projection.spi.ProjectionControls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Changes asked through the projection controls (as the console asks them, on any node) are carried out by the
 * runner that holds the lease, settled under its epoch, and a pause outlives the runner.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionControlsTest {

    final Fixture f = new Fixture();
    final ProjectionControls controls = f.leases.controls().orElseThrow();

    @AfterEach
    void close() {
        f.close();
    }

    private ProjectionRunner runner(String owner, boolean withReset) {
        ProjectionRunner.Builder b = ProjectionRunner.builder(f.definition("totals"))
                .log(f.ledger.store)
                .checkpoints(f.checkpoints)
                .leases(f.leases)
                .boundary(f.readModel)
                .executor(f.pool)
                .owner(owner);
        if (withReset) {
            b.reset(from -> {
                if (!from.isStart()) {
                    throw new IllegalArgumentException("totals rebuild from the start only, not " + from);
                }
                return () -> f.readModel.resetTo(from);
            });
        }
        ProjectionRunner r = b.build();
        return r;
    }

    private ProjectionControl settled(long id) {
        eventually(
                "change " + id + " is settled",
                () -> controls.history("totals", 100).stream()
                        .anyMatch(c -> c.id() == id && c.status() != Status.PENDING));
        return controls.history("totals", 100).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_pause_stops_handling_on_the_lease_holder_until_resumed_and_is_recorded_with_user_and_epoch() {
        f.addEvents(1, 10);
        ProjectionRunner r = runner("node-1", true);
        r.start();
        awaitCaughtUp(r);

        ProjectionControl pause = settled(controls.request("totals", Action.PAUSE, Optional.empty(), "dora"));
        assertThat(pause.status()).isEqualTo(Status.DONE);
        assertThat(pause.requestedBy()).isEqualTo("dora");
        assertThat(pause.settledBy()).contains("node-1");
        assertThat(pause.epoch()).isEqualTo(r.status().lease().map(l -> l.epoch()));
        eventually("paused", () -> r.status().state() == ProjectionState.PAUSED);
        f.addEvents(11, 20);
        sleep(100);
        assertThat(r.status().checkpoint()).as("no event handled while paused").isEqualTo(GlobalPosition.of(10));
        assertThat(r.status().lease())
                .as("the lease stays held: no other node takes over")
                .isPresent();
        assertThat(controls.paused("totals")).isTrue();

        settled(controls.request("totals", Action.RESUME, Optional.empty(), "dora"));
        awaitCaughtUp(r);
        assertThat(r.status().checkpoint()).isEqualTo(GlobalPosition.of(20));
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_pause_outlives_the_runner_and_holds_on_the_node_that_takes_the_lease_next() {
        f.addEvents(1, 5);
        ProjectionRunner first = runner("node-1", false);
        first.start();
        awaitCaughtUp(first);
        settled(controls.request("totals", Action.PAUSE, Optional.empty(), "dora"));
        assertThat(first.stop(Fixture.WAIT)).isTrue();

        f.addEvents(6, 9);
        ProjectionRunner second = runner("node-2", false);
        second.start();
        eventually("node-2 holds the lease, paused", () -> second.status().state() == ProjectionState.PAUSED);
        sleep(100);
        assertThat(second.status().checkpoint()).isEqualTo(GlobalPosition.of(5));
        settled(controls.request("totals", Action.RESUME, Optional.empty(), "dora"));
        awaitCaughtUp(second);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_change_asked_anywhere_is_carried_out_by_the_lease_holder_only() {
        f.addEvents(1, 5);
        ProjectionRunner holder = runner("node-1", true);
        holder.start();
        awaitCaughtUp(holder);
        ProjectionRunner standby = runner("node-2", true);
        standby.start();
        eventually("node-2 stands by", () -> standby.status().state() == ProjectionState.STANDBY);

        ProjectionControl pause = settled(controls.request("totals", Action.PAUSE, Optional.empty(), "vera-op"));
        assertThat(pause.settledBy()).contains("node-1");
        eventually("node-1 paused", () -> holder.status().state() == ProjectionState.PAUSED);
        assertThat(standby.status().state()).isEqualTo(ProjectionState.STANDBY);
        assertThat(f.leases.current("totals"))
                .hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("node-1"));
    }

    @Test
    void a_rebuild_resets_the_read_model_and_handles_every_event_again() {
        f.addEvents(1, 30);
        ProjectionRunner r = runner("node-1", true);
        r.start();
        awaitCaughtUp(r);
        ProjectionControl rebuild = settled(controls.request("totals", Action.REBUILD, Optional.empty(), "dora"));
        assertThat(rebuild.status()).isEqualTo(Status.DONE);
        assertThat(rebuild.outcome()).hasValueSatisfying(o -> assertThat(o).contains("rebuilding from"));
        // the change is settled in the rebuild's transaction; the runner's state follows once it committed
        eventually("30 events handled again", () -> r.status().eventsHandled() == 60);
        awaitCaughtUp(r);
        f.assertReadModelIsTheFoldOfTheLog();
        assertThat(r.status().eventsHandled()).as("30, then 30 again").isEqualTo(60);
    }

    @Test
    void a_rebuild_without_a_reset_or_refused_by_it_changes_nothing_and_says_why() {
        f.addEvents(1, 8);
        ProjectionRunner bare = runner("node-1", false);
        bare.start();
        awaitCaughtUp(bare);
        ProjectionControl refused = settled(controls.request("totals", Action.REBUILD, Optional.empty(), "dora"));
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.outcome()).hasValueSatisfying(o -> assertThat(o).startsWith("EC1626"));
        assertThat(bare.stop(Fixture.WAIT)).isTrue();

        ProjectionRunner withReset = runner("node-1", true);
        withReset.start();
        awaitCaughtUp(withReset);
        ProjectionControl notFromThere =
                settled(controls.request("totals", Action.REBUILD, Optional.of(GlobalPosition.of(4)), "dora"));
        assertThat(notFromThere.status()).isEqualTo(Status.REFUSED);
        assertThat(notFromThere.outcome())
                .hasValueSatisfying(o -> assertThat(o).startsWith("EC1627").contains("from the start only"));
        awaitCaughtUp(withReset);
        assertThat(withReset.status().state()).isEqualTo(ProjectionState.IDLE);
        assertThat(withReset.status().checkpoint()).isEqualTo(GlobalPosition.of(8));
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_rebuild_from_a_position_after_the_checkpoint_is_refused_for_it_would_skip_events() {
        f.addEvents(1, 6);
        ProjectionRunner r = runner("node-1", true);
        r.start();
        awaitCaughtUp(r);
        ProjectionControl forward =
                settled(controls.request("totals", Action.REBUILD, Optional.of(GlobalPosition.of(99)), "dora"));
        assertThat(forward.status()).isEqualTo(Status.REFUSED);
        assertThat(forward.outcome())
                .hasValueSatisfying(o -> assertThat(o).startsWith("EC1627").contains("never forward"));
        assertThat(r.status().checkpoint()).isEqualTo(GlobalPosition.of(6));
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void bad_changes_are_refused_when_asked() {
        assertThatThrownBy(() -> controls.request("totals", Action.PAUSE, Optional.of(GlobalPosition.of(3)), "dora"))
                .hasMessageStartingWith("EC1628");
        assertThatThrownBy(() -> controls.request("totals", Action.PAUSE, Optional.empty(), " "))
                .hasMessageStartingWith("EC1628");
        assertThatThrownBy(() -> controls.request("totals", Action.PAUSE, Optional.empty(), "a\nb"))
                .hasMessageStartingWith("EC1628");
        assertThatThrownBy(() -> controls.request("", Action.PAUSE, Optional.empty(), "dora"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(controls.settle(99, Status.DONE, "x", "node", 1)).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
