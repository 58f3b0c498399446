package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.projection.Fixture.awaitCaughtUp;
import static org.eventcore.projection.Fixture.eventually;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.GlobalPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionRunnerTest {

    final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_started_runner_applies_every_event_once_and_becomes_idle_at_the_head() {
        f.addEvents(1, 30);
        ProjectionRunner runner = f.runner(f.definition("totals"));
        assertThat(runner.status().state()).isEqualTo(ProjectionState.STOPPED);

        runner.start();
        awaitCaughtUp(runner);

        f.assertReadModelIsTheFoldOfTheLog();
        ProjectionStatus s = runner.status();
        assertThat(s.checkpoint()).isEqualTo(GlobalPosition.of(30));
        assertThat(s.head()).isEqualTo(GlobalPosition.of(30));
        assertThat(s.eventsHandled()).isEqualTo(30);
        assertThat(s.lease()).hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("node-1"));
        assertThat(s.lastError()).isEmpty();
    }

    @Test
    void a_new_runner_resumes_from_the_stored_checkpoint() {
        f.addEvents(1, 10);
        ProjectionRunner first = f.runner(f.definition("totals"));
        first.start();
        awaitCaughtUp(first);
        assertThat(first.stop(Fixture.WAIT)).isTrue();
        assertThat(first.status().state()).isEqualTo(ProjectionState.STOPPED);

        f.addEvents(11, 15);
        AtomicInteger calls = new AtomicInteger();
        ProjectionRunner second = f.runner(Fixture.definition("totals", e -> {
            calls.incrementAndGet();
            f.readModel.apply(e);
        }));
        second.start();
        awaitCaughtUp(second);

        assertThat(calls).as("events handled after the restart").hasValue(5);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void rebuild_from_zero_reports_progress_and_gives_the_same_read_model_as_incremental() throws Exception {
        f.addEvents(1, 40);
        CountDownLatch rebuilding = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ProjectionRunner runner = f.runner(Fixture.definition("totals", e -> {
            if (calls.incrementAndGet() == 41) { // the first event of the rebuild
                rebuilding.countDown();
                await(proceed);
            }
            f.readModel.apply(e);
        }));
        runner.start();
        awaitCaughtUp(runner);
        var incremental = f.readModel.totals();

        runner.rebuild(GlobalPosition.start(), () -> f.readModel.resetTo(GlobalPosition.start()));
        assertThat(rebuilding.await(10, TimeUnit.SECONDS)).isTrue();
        ProjectionStatus during = runner.status();
        assertThat(during.state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(during.rebuildTarget()).contains(GlobalPosition.of(40));
        assertThat(during.checkpoint()).isEqualTo(GlobalPosition.start());
        assertThat(during.caughtUp()).isFalse();
        proceed.countDown();
        awaitCaughtUp(runner);

        assertThat(calls).hasValue(80);
        assertThat(runner.status().rebuildTarget()).isEmpty();
        assertThat(f.readModel.totals()).isEqualTo(incremental);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void rebuild_from_a_position_replays_only_the_events_after_it() {
        f.addEvents(1, 25);
        AtomicInteger calls = new AtomicInteger();
        ProjectionRunner runner = f.runner(Fixture.definition("totals", e -> {
            calls.incrementAndGet();
            f.readModel.apply(e);
        }));
        runner.start();
        awaitCaughtUp(runner);
        var incremental = f.readModel.totals();

        GlobalPosition from = GlobalPosition.of(18);
        runner.rebuild(from, () -> f.readModel.resetTo(from));
        eventually("the rebuild replayed 7 events", () -> calls.get() == 32);
        awaitCaughtUp(runner);

        assertThat(f.readModel.totals()).isEqualTo(incremental);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void stop_waits_for_the_running_batch_which_still_commits() throws Exception {
        f.addEvents(1, 3);
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ProjectionRunner runner = f.runner(Fixture.definition("totals", e -> {
            inHandler.countDown();
            await(proceed);
            f.readModel.apply(e);
        }));
        runner.start();
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(runner.stop(Duration.ofMillis(50)))
                .as("stopped while the batch runs")
                .isFalse();
        proceed.countDown();
        assertThat(runner.stop(Fixture.WAIT)).isTrue();

        assertThat(runner.status().state()).isEqualTo(ProjectionState.STOPPED);
        assertThat(runner.status().lease()).isEmpty();
        assertThat(runner.status().checkpoint()).isEqualTo(GlobalPosition.of(3));
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void an_idle_runner_waits_its_poll_interval_unless_poked() {
        ProjectionRunner runner = f.runner(f.definition("totals").withPollInterval(Duration.ofHours(1)));
        runner.start();
        awaitCaughtUp(runner);
        GlobalPosition written = f.ledger.add("k", 1);

        assertThat(runner.awaitPosition(written, Duration.ofMillis(200))).isFalse();
        runner.poke();
        assertThat(runner.awaitPosition(written, Fixture.WAIT)).isTrue();
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void await_position_is_false_after_the_timeout_and_true_once_the_projection_passed_it() {
        ProjectionRunner runner = f.runner(f.definition("totals"));
        f.addEvents(1, 5);
        GlobalPosition written = f.ledger.add("k", 99);

        long t0 = System.nanoTime();
        assertThat(runner.awaitPosition(written, Duration.ofMillis(100))).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));

        runner.start();
        assertThat(runner.awaitPosition(written, Fixture.WAIT)).isTrue();
        assertThat(f.readModel.applied()).containsKey(written);
        assertThat(runner.awaitPosition(GlobalPosition.of(3), Duration.ZERO)).isTrue();
    }

    @Test
    void projections_over_the_same_log_are_independent() {
        f.addEvents(1, 12);
        AtomicInteger countA = new AtomicInteger();
        AtomicInteger countB = new AtomicInteger();
        ProjectionRunner a = f.runner(Fixture.definition("a", e -> countA.incrementAndGet()));
        ProjectionRunner b = f.runner(Fixture.definition("b", e -> countB.incrementAndGet()));
        a.start();
        b.start();
        awaitCaughtUp(a);
        awaitCaughtUp(b);
        assertThat(a.stop(Fixture.WAIT)).isTrue();

        f.addEvents(13, 20);
        awaitCaughtUp(b);

        assertThat(countA).hasValue(12);
        assertThat(countB).hasValue(20);
        assertThat(f.checkpoints.load("a")).contains(GlobalPosition.of(12));
        assertThat(f.checkpoints.load("b")).contains(GlobalPosition.of(20));
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
