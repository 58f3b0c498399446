package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.projection.Fixture.awaitCaughtUp;
import static org.eventcore.projection.Fixture.eventually;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.GlobalPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Two runners of one projection with in-memory leases on a test clock. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailoverTest {

    final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    static boolean active(ProjectionRunner r) {
        return r.status().lease().isPresent();
    }

    @Test
    void of_two_runners_exactly_one_is_active_and_the_other_takes_over_when_it_stops() {
        f.addEvents(1, 10);
        ProjectionRunner a = f.runner(f.definition("totals"), "node-a");
        ProjectionRunner b = f.runner(f.definition("totals"), "node-b");
        a.start();
        eventually("a holds the lease", () -> active(a));
        b.start();
        eventually("b is on standby", () -> b.status().state() == ProjectionState.STANDBY);
        awaitCaughtUp(a);
        assertThat(active(b)).isFalse();
        assertThat(a.status().lease().orElseThrow().epoch()).isEqualTo(1);

        assertThat(a.stop(Fixture.WAIT)).isTrue();
        eventually("b took over", () -> active(b));
        assertThat(b.status().lease().orElseThrow().epoch()).isEqualTo(2);
        f.addEvents(11, 20);
        awaitCaughtUp(b);

        assertThat(a.status().state()).isEqualTo(ProjectionState.STOPPED);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_standby_runner_takes_over_when_the_holders_lease_expires() {
        f.addEvents(1, 10);
        var ghost = f.leases
                .acquire("totals", "crashed-node", Duration.ofSeconds(30))
                .orElseThrow();
        ProjectionRunner b = f.runner(f.definition("totals"), "node-b");
        b.start();
        eventually("b is on standby", () -> b.status().state() == ProjectionState.STANDBY);
        assertThat(b.awaitPosition(GlobalPosition.of(10), Duration.ofMillis(50)))
                .isFalse();

        f.clock.advance(Duration.ofSeconds(31));
        awaitCaughtUp(b);

        assertThat(b.status().lease().orElseThrow().epoch()).isEqualTo(ghost.epoch() + 1);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_runner_paused_past_its_lease_cannot_commit_its_batch_after_another_took_over() throws Exception {
        f.addEvents(1, 10);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        AtomicBoolean pauseOnce = new AtomicBoolean(true);
        ProjectionRunner a = f.runner(
                Fixture.definition("totals", e -> {
                    f.readModel.apply(e);
                    if (pauseOnce.getAndSet(false)) { // a long GC pause in the middle of the first batch
                        paused.countDown();
                        ProjectionRunnerTest.await(wake);
                    }
                }),
                "node-a");
        a.start();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();

        f.clock.advance(Duration.ofSeconds(31));
        ProjectionRunner b = f.runner(f.definition("totals"), "node-b");
        b.start();
        awaitCaughtUp(b);
        assertThat(b.status().lease().orElseThrow().epoch()).isEqualTo(2);

        wake.countDown();
        eventually("a went to standby", () -> a.status().state() == ProjectionState.STANDBY);

        ProjectionStatus sa = a.status();
        assertThat(sa.lastError())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("EC1600 Projection \"totals\"")
                        .contains("fencing epoch 1 was lost, epoch 2 is current"));
        assertThat(sa.eventsHandled()).as("a committed nothing").isZero();
        assertThat(active(b)).isTrue();
        f.addEvents(11, 12);
        awaitCaughtUp(b);
        f.assertReadModelIsTheFoldOfTheLog();
    }
}
