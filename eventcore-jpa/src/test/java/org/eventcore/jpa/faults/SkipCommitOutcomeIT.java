package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaProjectionLeases;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The batch that skips a poison event commits, but its COMMIT reports an unknown outcome (the
 * connection dropped after the server committed: the boundary says {@code CommitOutcomeUnknownException}
 * and runs none of the batch's after-commit hooks), and the next batch meets a second poison event.
 * Both skips must be on record, durably, and the read model must hold every other event once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SkipCommitOutcomeIT {

    @Test
    void a_skip_committed_by_a_batch_whose_commit_outcome_was_unknown_is_on_record() throws Exception {
        String url = TestDatabases.createDatabase();
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("create table outcome_seen (number bigint primary key)");
            s.execute("grant select, insert on outcome_seen to eventcore_app");
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Ledger ledger = Ledger.connect(url, 4)) {
            StreamId stream = StreamId.of("outcome-" + UUID.randomUUID());
            StoreFixture.RequestBuilder ten = StoreFixture.request().expect(stream, 0);
            for (int i = 1; i <= 10; i++) {
                ten.write(stream, new ContractEvent(i == 3 || i == 7 ? "poison" : "fine", i));
            }
            AppendResult appended = ledger.jpa.execute(a -> ten.appendTo(ledger.store));
            StoredEvent<Object> three = appended.events().get(2);
            StoredEvent<Object> seven = appended.events().get(6);
            String name = "outcome-totals";
            JpaCheckpointStore checkpoints = JpaCheckpointStore.create(ledger.jpa);

            AtomicBoolean reported = new AtomicBoolean();
            AttemptBoundary unknownOnce = new AttemptBoundary() {
                @Override
                public <T> T execute(AttemptWork<T> work) {
                    List<Runnable> afterCommit = new ArrayList<>();
                    T result = ledger.jpa.execute(attempt -> work.run(new Attempt() {
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
                    // committed; the first batch that moved the checkpoint past event 3 is told otherwise
                    Optional<GlobalPosition> checkpoint = checkpoints.load(name);
                    if (!afterCommit.isEmpty()
                            && checkpoint.isPresent()
                            && checkpoint.get().compareTo(three.position()) >= 0
                            && reported.compareAndSet(false, true)) {
                        throw new CommitOutcomeUnknownException(
                                "EC3304 test: the connection was lost while committing", null);
                    }
                    afterCommit.forEach(Runnable::run);
                    return result;
                }
            };
            ProjectionDefinition definition = ProjectionDefinition.of(name, (StoredEvent<Object> e) -> {
                        ContractEvent event = (ContractEvent) e.payload();
                        ledger.jpa.withEntityManager(
                                em -> em.createNativeQuery("insert into outcome_seen (number) values (?1)")
                                        .setParameter(1, event.number())
                                        .executeUpdate());
                        if (event.text().equals("poison")) {
                            throw new IllegalStateException("cannot project event " + event.number());
                        }
                    })
                    .withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD)
                    .withBatchSize(5)
                    .withPollInterval(Duration.ofMillis(20))
                    .withRetryDelays(Duration.ofMillis(10), Duration.ofMillis(50));
            ProjectionRunner runner = ProjectionRunner.builder(definition)
                    .log(ledger.store)
                    .checkpoints(checkpoints)
                    .leases(JpaProjectionLeases.create(ledger.jpa, Clock.systemUTC()))
                    .boundary(unknownOnce)
                    .executor(pool)
                    .owner("outcome-node")
                    .build();
            runner.start();
            assertThat(runner.awaitPosition(appended.lastPosition(), Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(runner.status().skipped())
                    .extracting(SkippedEvent::eventId)
                    .as("the runner that skipped them shows both poison events, newest first")
                    .containsExactly(seven.id(), three.id());
            runner.stop(Duration.ofSeconds(10));

            assertThat(reported)
                    .as("a batch's commit was reported unknown after it committed")
                    .isTrue();
            // a new node reads the record: it is in the database, not in the runner that made it
            ProjectionRunner next = ProjectionRunner.builder(definition)
                    .log(ledger.store)
                    .checkpoints(checkpoints)
                    .leases(JpaProjectionLeases.create(ledger.jpa, Clock.systemUTC()))
                    .boundary(ledger.jpa)
                    .executor(pool)
                    .owner("next-node")
                    .build();
            ProjectionStatus status = next.status();
            assertThat(status.skipped())
                    .extracting(SkippedEvent::eventId)
                    .as("both poison events on record, newest first")
                    .containsExactly(seven.id(), three.id());
            assertThat(status.skipped()).allSatisfy(e -> assertThat(e.error()).contains("cannot project event"));
            List<Long> seen = new ArrayList<>();
            try (Connection c = TestDatabases.adminConnection(url);
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select number from outcome_seen order by number")) {
                while (r.next()) {
                    seen.add(r.getLong(1));
                }
            }
            assertThat(seen).containsExactly(1L, 2L, 4L, 5L, 6L, 8L, 9L, 10L);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
