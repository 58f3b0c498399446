package org.eventcore.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.projection.Fixture.awaitCaughtUp;
import static org.eventcore.projection.Fixture.eventually;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.spi.AttemptBoundary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Skip-and-record is for poison events only, and a skip is never lost: the runner records it in the
 * unit of work of the checkpoint that passes it, whatever that unit's commit outcome; a failure of
 * the infrastructure inside a handler is retried under every policy.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DurableSkipTest {

    final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    /** Applies to the read model, then refuses the amounts in {@code poison}: the handler's own failure. */
    ProjectionHandler refusing(Set<Integer> poison) {
        return e -> {
            f.readModel.apply(e); // staged first: the roll back must drop it
            if (poison.contains(((Added) e.payload()).amount())) {
                throw new IllegalStateException("cannot project " + ((Added) e.payload()).amount());
            }
        };
    }

    GlobalPosition positionOf(int amount) {
        return f.ledger.store.readLog(GlobalPosition.of(amount - 1), 1).get(0).position();
    }

    void assertReadModelHoldsAllBut(Set<Integer> poison) {
        assertThat(f.readModel.applied().keySet())
                .as("every event but the poison ones, once")
                .containsExactlyElementsOf(f.ledger.positions().stream()
                        .filter(p -> !poison.contains((int) p.offset()))
                        .toList());
        assertThat(f.readModel.applied().values()).allMatch(n -> n == 1);
    }

    @Test
    void two_poison_events_in_different_batches_are_both_recorded_newest_first() {
        f.addEvents(1, 20);
        ProjectionRunner runner = f.runner(
                Fixture.definition("totals", refusing(Set.of(3, 10))).withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD));
        runner.start();
        awaitCaughtUp(runner);

        ProjectionStatus s = runner.status();
        assertThat(s.skipped()).extracting(SkippedEvent::position).containsExactly(positionOf(10), positionOf(3));
        assertThat(s.skippedCount()).isEqualTo(2);
        assertThat(f.leases.count("totals"))
                .as("kept by the leases, not by the runner")
                .isEqualTo(2);
        assertReadModelHoldsAllBut(Set.of(3, 10));
    }

    /**
     * The batch that records the skip of event 3 commits, but its boundary reports the outcome unknown
     * and runs none of its after-commit hooks (the connection dropped during COMMIT); the next batch
     * then meets the second poison event. Both skips must be on record.
     */
    @Test
    void a_skip_committed_by_a_batch_whose_commit_outcome_was_unknown_stays_recorded() {
        f.addEvents(1, 20);
        AtomicBoolean thrown = new AtomicBoolean();
        AttemptBoundary unknownOnce = new AttemptBoundary() {
            @Override
            public <T> T execute(AttemptWork<T> work) {
                List<Runnable> afterCommit = new ArrayList<>();
                T result = f.readModel.execute(attempt -> work.run(new Attempt() {
                    @Override
                    public void beforeCommit(Runnable hook) {
                        attempt.beforeCommit(hook);
                    }

                    @Override
                    public void afterCommit(Runnable hook) {
                        afterCommit.add(hook);
                    }

                    @Override
                    public void afterRollback(Runnable hook) {
                        attempt.afterRollback(hook);
                    }
                }));
                Optional<GlobalPosition> checkpoint = f.checkpoints.load("totals");
                boolean batchPastThree = !afterCommit.isEmpty()
                        && checkpoint.isPresent()
                        && checkpoint.get().compareTo(positionOf(3)) >= 0;
                if (batchPastThree && thrown.compareAndSet(false, true)) {
                    throw new CommitOutcomeUnknownException(
                            "EC3304 test: the connection was lost while committing", null);
                }
                afterCommit.forEach(Runnable::run);
                return result;
            }
        };
        ProjectionRunner runner = f.runner(
                Fixture.definition("totals", refusing(Set.of(3, 10))).withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD),
                unknownOnce);
        runner.start();
        awaitCaughtUp(runner);

        assertThat(thrown)
                .as("the commit of the batch past event 3 was reported unknown")
                .isTrue();
        assertThat(runner.status().skipped())
                .extracting(SkippedEvent::position)
                .containsExactly(positionOf(10), positionOf(3));
        assertReadModelHoldsAllBut(Set.of(3, 10));
    }

    @Test
    void a_transient_failure_in_the_handler_is_retried_under_skip_and_record_shown_with_its_start_and_never_skipped() {
        f.addEvents(1, 20);
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean down = new AtomicBoolean(true);
        ProjectionHandler dropsConnection = e -> {
            f.readModel.apply(e);
            if (((Added) e.payload()).amount() == 13 && down.get()) {
                failures.incrementAndGet();
                // as a JPA provider reports a connection the server terminated
                throw new RuntimeException(
                        "could not execute statement",
                        new SQLException("terminating connection due to administrator command", "57P01"));
            }
        };
        ProjectionRunner runner =
                f.runner(Fixture.definition("totals", dropsConnection).withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD));
        runner.start();
        eventually("three retries", () -> runner.status().retries() >= 3);

        ProjectionStatus during = runner.status();
        assertThat(during.state()).isNotEqualTo(ProjectionState.FAILED);
        assertThat(during.retryingSince()).as("how long it has been retrying").isPresent();
        assertThat(during.lastError())
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("57P01", "terminating connection")
                        .contains("(transient, SQLState 57P01: terminating connection due to administrator command;"));
        assertThat(during.skipped()).isEmpty();

        down.set(false);
        awaitCaughtUp(runner);
        ProjectionStatus after = runner.status();
        assertThat(after.skipped()).isEmpty();
        assertThat(after.skippedCount()).isZero();
        assertThat(after.retries()).isZero();
        assertThat(after.retryingSince()).isEmpty();
        assertThat(failures.get()).isGreaterThanOrEqualTo(3);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_transient_failure_in_the_handler_does_not_stop_a_projection_under_stop() {
        f.addEvents(1, 20);
        AtomicInteger failures = new AtomicInteger();
        ProjectionHandler timesOut = e -> {
            f.readModel.apply(e);
            if (((Added) e.payload()).amount() == 13 && failures.incrementAndGet() <= 3) {
                throw new IllegalStateException(
                        "the read model's write failed", new java.net.SocketTimeoutException("Read timed out"));
            }
        };
        ProjectionRunner runner =
                f.runner(Fixture.definition("totals", timesOut).withErrorPolicy(ErrorPolicy.STOP));
        runner.start();
        awaitCaughtUp(runner);

        assertThat(runner.status().state()).isEqualTo(ProjectionState.IDLE);
        assertThat(failures.get()).isEqualTo(4);
        f.assertReadModelIsTheFoldOfTheLog();
    }

    @Test
    void a_data_error_of_the_read_model_for_one_event_is_poison() {
        f.addEvents(1, 20);
        ProjectionHandler tooLong = e -> {
            f.readModel.apply(e);
            if (((Added) e.payload()).amount() == 5) {
                throw new RuntimeException(
                        "could not execute statement",
                        new SQLException("value too long for type character varying(20)", "22001"));
            }
        };
        ProjectionRunner runner =
                f.runner(Fixture.definition("totals", tooLong).withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD));
        runner.start();
        awaitCaughtUp(runner);

        assertThat(runner.status().skipped()).singleElement().satisfies(s -> {
            assertThat(s.position()).isEqualTo(positionOf(5));
            assertThat(s.error()).contains("could not execute statement");
        });
        assertReadModelHoldsAllBut(Set.of(5));
    }

    @Test
    void a_rebuild_forgets_the_skips_after_its_position_and_records_again_those_that_still_fail() {
        f.addEvents(1, 20);
        Set<Integer> poison = new java.util.concurrent.CopyOnWriteArraySet<>(Set.of(3, 10));
        ProjectionRunner runner =
                f.runner(Fixture.definition("totals", refusing(poison)).withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD));
        runner.start();
        awaitCaughtUp(runner);
        assertThat(runner.status().skippedCount()).isEqualTo(2);

        poison.remove(10); // the handler was fixed for event 10 only
        runner.rebuild(GlobalPosition.start(), () -> f.readModel.resetTo(GlobalPosition.start()));
        eventually("the rebuild handled event 10 and ended", () -> {
            ProjectionStatus s = runner.status();
            return f.readModel.applied().containsKey(positionOf(10))
                    && s.rebuildTarget().isEmpty()
                    && s.caughtUp()
                    && s.state() == ProjectionState.IDLE;
        });

        assertThat(runner.status().skipped()).extracting(SkippedEvent::position).containsExactly(positionOf(3));
        assertReadModelHoldsAllBut(Set.of(3));
    }

    @Test
    void skip_and_record_is_refused_without_a_durable_record_of_skips() {
        ProjectionLeases plain = new ProjectionLeases() {
            @Override
            public Optional<Lease> acquire(String projection, String owner, Duration duration) {
                return f.leases.acquire(projection, owner, duration);
            }

            @Override
            public Optional<Lease> renew(Lease lease) {
                return f.leases.renew(lease);
            }

            @Override
            public void release(Lease lease) {
                f.leases.release(lease);
            }

            @Override
            public void saveFenced(Lease lease, GlobalPosition position) {
                f.leases.saveFenced(lease, position);
            }
        };
        ProjectionDefinition skipping = Fixture.definition("totals", (StoredEvent<Object> e) -> {})
                .withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD);

        assertThatThrownBy(() -> ProjectionRunner.builder(skipping)
                        .log(f.ledger.store)
                        .checkpoints(f.checkpoints)
                        .leases(plain)
                        .boundary(f.readModel)
                        .executor(f.pool)
                        .owner("node-1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1622 Projection totals skips and records poison events")
                .hasMessageContaining("ProjectionLeases.skippedEventLog() is empty");
        // any other policy needs no such record
        ProjectionRunner.builder(skipping.withErrorPolicy(ErrorPolicy.RETRY))
                .log(f.ledger.store)
                .checkpoints(f.checkpoints)
                .leases(plain)
                .boundary(f.readModel)
                .executor(f.pool)
                .owner("n")
                .build();
    }
}
