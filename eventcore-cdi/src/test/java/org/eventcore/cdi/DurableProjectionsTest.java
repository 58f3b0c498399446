package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.Observers;
import org.eventcore.cdi.fixture.ProjectionInfrastructure;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.TotalsProjection;
import org.eventcore.execution.CommandResult;
import org.eventcore.projection.ProjectionState;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Durable projections declared as observers qualified with @Projection, run by the projection runner. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DurableProjectionsTest {

    @WeldSetup
    WeldInitiator weld = org.eventcore.cdi.fixture.EventCoreWeld.with(
            TestStore.class, Observers.class, TotalsProjection.class, ProjectionInfrastructure.class);

    @Inject
    CommandBus commands;

    @Inject
    DurableProjections projections;

    @Inject
    TotalsProjection totals;

    @Inject
    Observers observers;

    private final StreamId a = StreamId.of("a-" + System.nanoTime());
    private final StreamId b = StreamId.of("b-" + System.nanoTime());

    private GlobalPosition runSomeCommands() {
        commands.execute(new Add(a, 5));
        commands.execute(new Add(b, 7));
        CommandResult<?> last = commands.execute(new Add(a, 3));
        return last.lastPosition().orElseThrow();
    }

    @Test
    void the_projection_catches_up_with_each_event_once_and_a_caller_can_wait_for_its_own_write() {
        GlobalPosition reached = runSomeCommands();

        assertThat(projections.names()).containsExactly("totals");
        assertThat(projections.awaitPosition("totals", reached, Duration.ofSeconds(10)))
                .isTrue();
        assertThat(totals.totals()).containsEntry(a, 8).containsEntry(b, 7);
        assertThat(totals.handled()).hasSize(3).doesNotHaveDuplicates();
        assertThat(totals.envelopes()).as("the envelope handler").isEqualTo(totals.handled());
        assertThat(observers.inline())
                .as("the bus reached the inline observers once per event")
                .hasSize(3);
        assertThat(projections.status("totals").state()).isIn(ProjectionState.RUNNING, ProjectionState.IDLE);
    }

    @Test
    void a_caller_can_wait_for_its_own_write_without_holding_a_thread() throws Exception {
        GlobalPosition reached = runSomeCommands();

        java.util.concurrent.CompletableFuture<Boolean> waiting = projections
                .whenPosition("totals", reached, Duration.ofSeconds(10))
                .toCompletableFuture();

        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(totals.totals()).containsEntry(a, 8).containsEntry(b, 7);
        assertThat(projections
                        .whenPosition(
                                "totals",
                                GlobalPosition.of(reached.epoch(), reached.offset() + 1_000),
                                Duration.ofMillis(200))
                        .toCompletableFuture()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS))
                .as("a position not reached in time")
                .isFalse();
        assertThatThrownBy(() -> projections.whenPosition("nothing", reached, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC2041");
    }

    @Inject
    org.eventcore.projection.spi.ProjectionLeases leases;

    @Test
    void a_rebuild_asked_through_the_controls_runs_the_projections_reset_observer_and_a_refusal_changes_nothing()
            throws InterruptedException {
        GlobalPosition reached = runSomeCommands();
        assertThat(projections.awaitPosition("totals", reached, Duration.ofSeconds(10)))
                .isTrue();
        assertThat(projections.names()).as("the reset observer is no handler").containsExactly("totals");
        org.eventcore.projection.spi.ProjectionControls controls =
                leases.controls().orElseThrow();
        long rebuild = controls.request(
                "totals",
                org.eventcore.projection.spi.ProjectionControl.Action.REBUILD,
                java.util.Optional.empty(),
                "dora");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(totals.resets() == 1
                        && totals.handled().size() == 3
                        && projections.status("totals").state() == ProjectionState.IDLE)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(totals.resets()).isEqualTo(1);
        assertThat(totals.totals()).containsEntry(a, 8).containsEntry(b, 7);
        assertThat(controls.history("totals", 5).get(0).id()).isEqualTo(rebuild);

        long refused = controls.request(
                "totals",
                org.eventcore.projection.spi.ProjectionControl.Action.REBUILD,
                java.util.Optional.of(reached),
                "dora");
        while (controls.history("totals", 5).get(0).status()
                        == org.eventcore.projection.spi.ProjectionControl.Status.PENDING
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        org.eventcore.projection.spi.ProjectionControl last =
                controls.history("totals", 5).get(0);
        assertThat(last.id()).isEqualTo(refused);
        assertThat(last.status()).isEqualTo(org.eventcore.projection.spi.ProjectionControl.Status.REFUSED);
        assertThat(last.outcome().orElseThrow()).startsWith("EC1627").contains("from the start of the log only");
        assertThat(totals.resets()).isEqualTo(1);
        assertThat(totals.totals()).containsEntry(a, 8).containsEntry(b, 7);
    }

    @Test
    void a_rebuild_replays_the_log_into_the_projection_only() throws InterruptedException {
        GlobalPosition reached = runSomeCommands();
        assertThat(projections.awaitPosition("totals", reached, Duration.ofSeconds(10)))
                .isTrue();
        int inlineBefore = observers.inline().size();
        int afterCommitBefore = observers.afterCommit().size();

        projections.rebuild("totals", GlobalPosition.start(), totals::reset);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(totals.resets() == 1
                        && totals.handled().size() == 3
                        && projections.status("totals").state() != ProjectionState.REBUILDING)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(totals.resets()).as("the read model was reset once").isEqualTo(1);
        assertThat(totals.totals()).containsEntry(a, 8).containsEntry(b, 7);
        assertThat(new HashSet<>(totals.handled())).hasSize(3);
        assertThat(observers.inline()).hasSize(inlineBefore);
        assertThat(observers.afterCommit()).hasSize(afterCommitBefore);
    }

    @Test
    void an_unknown_projection_name_is_refused_with_the_known_names() {
        assertThatThrownBy(() -> projections.status("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC2041 There is no durable projection \"nope\"; the projections are [totals]");
    }
}
