package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.projection.Fixture.awaitCaughtUp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eventcore.GlobalPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Read your own writes without a waiting thread: {@link ProjectionRunner#whenPosition}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WhenPositionTest {

    final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static boolean result(java.util.concurrent.CompletionStage<Boolean> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_position_already_passed_completes_at_once() throws Exception {
        f.addEvents(1, 5);
        ProjectionRunner runner = f.runner(f.definition("totals"));
        runner.start();
        awaitCaughtUp(runner);

        var stage = runner.whenPosition(GlobalPosition.of(5), Duration.ofSeconds(5));

        assertThat(stage.toCompletableFuture().isDone()).isTrue();
        assertThat(result(stage)).isTrue();
    }

    @Test
    void a_position_still_ahead_completes_once_the_projection_passes_it() throws Exception {
        CountDownLatch proceed = new CountDownLatch(1);
        f.addEvents(1, 3);
        ProjectionRunner runner = f.runner(Fixture.definition("totals", e -> {
            if (e.position().equals(GlobalPosition.of(3))) {
                await(proceed);
            }
            f.readModel.apply(e);
        }));
        runner.start();

        CompletableFuture<Boolean> waiting = runner.whenPosition(GlobalPosition.of(3), Duration.ofSeconds(10))
                .toCompletableFuture();
        Thread.sleep(200);
        assertThat(waiting).as("not before the batch with position 3 committed").isNotDone();
        proceed.countDown();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_position_not_reached_in_time_completes_with_false() throws Exception {
        f.addEvents(1, 2);
        ProjectionRunner runner = f.runner(f.definition("totals"));
        runner.start();
        awaitCaughtUp(runner);

        long started = System.nanoTime();
        boolean reached = result(runner.whenPosition(GlobalPosition.of(99), Duration.ofMillis(300)));

        assertThat(reached).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("settled when the runner woke after the deadline: within a poll interval of it")
                .isLessThan(Duration.ofMillis(1_300));
    }

    @Test
    void a_stopped_runner_answers_false_at_once_and_settles_its_waiters_when_it_stops() throws Exception {
        f.addEvents(1, 2);
        ProjectionRunner runner = f.runner(f.definition("totals"));
        assertThat(result(runner.whenPosition(GlobalPosition.of(1), Duration.ofSeconds(5))))
                .as("never started")
                .isFalse();

        runner.start();
        awaitCaughtUp(runner);
        CompletableFuture<Boolean> waiting = runner.whenPosition(GlobalPosition.of(50), Duration.ofSeconds(30))
                .toCompletableFuture();
        assertThat(runner.stop(Fixture.WAIT)).isTrue();

        assertThat(waiting.get(1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void a_node_on_standby_learns_of_the_other_nodes_progress_from_the_stored_checkpoint() throws Exception {
        f.addEvents(1, 4);
        ProjectionRunner a = f.runner(f.definition("totals"), "node-a");
        a.start();
        awaitCaughtUp(a);
        ProjectionRunner b = f.runner(f.definition("totals"), "node-b");
        b.start();
        Fixture.eventually("node b is on standby", () -> b.status().state() == ProjectionState.STANDBY);

        CompletableFuture<Boolean> onB =
                b.whenPosition(GlobalPosition.of(8), Duration.ofSeconds(10)).toCompletableFuture();
        f.addEvents(5, 8);
        a.poke();

        assertThat(onB.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.status().state()).isEqualTo(ProjectionState.STANDBY);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
