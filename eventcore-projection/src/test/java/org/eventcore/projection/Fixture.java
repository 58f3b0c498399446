package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.eventcore.projection.inmemory.InMemoryCheckpointStore;
import org.eventcore.projection.inmemory.InMemoryProjectionLeases;

/** A log, a checkpoint store, leases on a test clock, a transactional read model and an executor. */
final class Fixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final Ledger ledger = new Ledger();
    final InMemoryCheckpointStore checkpoints = InMemoryCheckpointStore.create();
    final MutableClock clock = new MutableClock();
    final InMemoryProjectionLeases leases = InMemoryProjectionLeases.create(checkpoints, clock);
    final TransactionalReadModel readModel = new TransactionalReadModel();
    final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<ProjectionRunner> runners = new ArrayList<>();

    /** A quick-polling definition of {@code name} applying to the read model. */
    static ProjectionDefinition definition(String name, ProjectionHandler handler) {
        return ProjectionDefinition.of(name, handler)
                .withBatchSize(7)
                .withPollInterval(Duration.ofMillis(5))
                .withRetryDelays(Duration.ofMillis(2), Duration.ofMillis(20))
                .withLeaseDuration(Duration.ofSeconds(30));
    }

    ProjectionDefinition definition(String name) {
        return definition(name, readModel.handler());
    }

    ProjectionRunner runner(ProjectionDefinition definition, String owner) {
        ProjectionRunner r = ProjectionRunner.builder(definition)
                .log(ledger.store)
                .checkpoints(checkpoints)
                .leases(leases)
                .boundary(readModel)
                .executor(pool)
                .owner(owner)
                .build();
        runners.add(r);
        return r;
    }

    /** A runner of {@code definition} on node-1 whose batches run in {@code boundary}. */
    ProjectionRunner runner(ProjectionDefinition definition, org.eventcore.spi.AttemptBoundary boundary) {
        ProjectionRunner r = ProjectionRunner.builder(definition)
                .log(ledger.store)
                .checkpoints(checkpoints)
                .leases(leases)
                .boundary(boundary)
                .executor(pool)
                .owner("node-1")
                .build();
        runners.add(r);
        return r;
    }

    ProjectionRunner runner(ProjectionDefinition definition) {
        return runner(definition, "node-1");
    }

    /** Adds {@code n} events over three keys; amounts 1..n. */
    void addEvents(int from, int to) {
        for (int i = from; i <= to; i++) {
            ledger.add("k" + (i % 3), i);
        }
    }

    /** Waits until {@code condition} holds; fails with {@code what} after {@link #WAIT}. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until {@code runner} is idle at the head of the log. */
    static void awaitCaughtUp(ProjectionRunner runner) {
        eventually(runner.name() + " is caught up and idle", () -> {
            ProjectionStatus s = runner.status();
            return s.caughtUp() && s.state() == ProjectionState.IDLE;
        });
    }

    /** Asserts that every event of the log was applied exactly once and the totals are the log's fold. */
    void assertReadModelIsTheFoldOfTheLog() {
        assertThat(readModel.applied().keySet()).containsExactlyElementsOf(ledger.positions());
        assertThat(readModel.applied().values())
                .as("times each event was applied")
                .allMatch(n -> n == 1);
        assertThat(readModel.totals()).isEqualTo(ledger.fold());
    }

    @Override
    public void close() {
        for (ProjectionRunner r : runners) {
            r.stop(Duration.ofSeconds(5));
        }
        pool.shutdownNow();
    }
}
