package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A runner whose executor gives it no thread says so in its status, instead of looking as if it ran. */
class StarvedRunnerTest {

    @Test
    void a_loop_that_waits_for_a_thread_is_reported_with_what_to_do() throws InterruptedException {
        try (Fixture f = new Fixture()) {
            List<Runnable> queued = new ArrayList<>();
            Executor full = queued::add; // every thread taken: the loop waits in the queue
            ProjectionRunner runner = ProjectionRunner.builder(f.definition("totals"))
                    .log(f.ledger.store)
                    .checkpoints(f.checkpoints)
                    .leases(f.leases)
                    .boundary(f.readModel)
                    .executor(full)
                    .owner("node-1")
                    .build();
            runner.starvedAfter = Duration.ofMillis(50);
            runner.start();
            assertThat(runner.status().lastError()).isEmpty();
            Thread.sleep(80);
            assertThat(runner.status().lastError())
                    .hasValueSatisfying(e -> assertThat(e)
                            .startsWith("EC1629 Projection totals has waited")
                            .contains("@EventCoreExecutor"));

            f.addEvents(1, 3);
            Thread loop = new Thread(queued.get(0)); // a thread at last
            loop.start();
            Fixture.awaitCaughtUp(runner);
            assertThat(runner.status().lastError())
                    .as("no longer true once the loop has a thread")
                    .isEmpty();
            runner.stop(Fixture.WAIT);
            loop.join(10_000);
            f.assertReadModelIsTheFoldOfTheLog();
        }
    }
}
