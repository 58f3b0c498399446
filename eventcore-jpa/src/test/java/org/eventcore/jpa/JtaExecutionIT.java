package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionListener;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executor under JTA, as in a server but without one: {@link JtaAttemptBoundary} begins a
 * Narayana transaction per attempt, {@link JtaJpa} gives it one entity manager on a pool enlisted in
 * that transaction. Each test runs on Hibernate and on EclipseLink.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JtaExecutionIT {

    private final TransactionManager tm = TestJta.transactionManager();
    private final JtaAttemptBoundary boundary = JtaAttemptBoundary.create(tm);
    private final StoreFixture streams = StoreFixture.withPrefix("jta-execution");

    private CommandExecutor executor(JpaEventStore store, AttemptBoundary boundary, ExecutionListener listener) {
        return CommandExecutor.create(
                store,
                ExecutorSettings.DEFAULT
                        .withBoundary(boundary)
                        .withListener(listener)
                        .withRetryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(4).withBaseDelay(Duration.ZERO)));
    }

    private List<Object> payloads(String unit, StreamId stream) {
        return StoreFixture.payloads(TestJta.storePerCall(unit), stream);
    }

    private int status() {
        try {
            return tm.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private Transaction transaction() {
        try {
            return tm.getTransaction();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate-jta", "eventcore-eclipselink-jta"})
    void a_command_writes_both_streams_in_one_JTA_transaction(String unit) {
        StreamId a = streams.stream(unit + "-a");
        StreamId b = streams.stream(unit + "-b");
        List<Integer> statusInHandle = new ArrayList<>();

        CommandResult<ContractEvent> result = executor(TestJta.store(unit), boundary, ExecutionListener.none())
                .execute(new WriteBoth(a, b, 7, () -> statusInHandle.add(status())));

        assertThat(statusInHandle).containsExactly(Status.STATUS_ACTIVE);
        assertThat(status()).as("the attempt's transaction has ended").isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.events()).extracting(StoredEvent::streamId).containsExactly(a, b);
        assertThat(result.events())
                .extracting(e -> e.position().epoch())
                .as("both events were written by one database transaction")
                .containsOnly(result.events().get(0).position().epoch());
        assertThat(payloads(unit, a)).containsExactly(new ContractEvent("first after 0", 7));
        assertThat(payloads(unit, b)).containsExactly(new ContractEvent("second after 0", 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate-jta", "eventcore-eclipselink-jta"})
    void a_conflict_is_retried_in_a_new_JTA_transaction(String unit) {
        StreamId a = streams.stream(unit + "-a");
        StreamId b = streams.stream(unit + "-b");
        StreamId elsewhere = streams.stream(unit + "-elsewhere");
        List<String> retries = Collections.synchronizedList(new ArrayList<>());
        CommandExecutor executor = executor(TestJta.store(unit), boundary, new ExecutionListener() {
            @Override
            public void retrying(CommandId id, String type, int attempt, EventCoreException cause, Duration backoff) {
                retries.add(attempt + " " + cause.getClass().getSimpleName());
            }
        });
        List<Transaction> transactions = new ArrayList<>();
        AtomicBoolean interfered = new AtomicBoolean();

        CommandResult<ContractEvent> result = executor.execute(new WriteBoth(a, b, 2, () -> {
            transactions.add(transaction());
            if (interfered.compareAndSet(false, true)) {
                // another writer commits to stream a, in its own transaction, after this attempt read it
                CompletableFuture.runAsync(() -> executor.execute(new WriteBoth(a, elsewhere, 1)))
                        .orTimeout(30, TimeUnit.SECONDS)
                        .join();
            }
        }));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(retries).containsExactly("1 " + StreamConflictException.class.getSimpleName());
        assertThat(transactions).hasSize(2).doesNotContainNull();
        assertThat(transactions.get(1))
                .as("the retry runs in a new transaction")
                .isNotSameAs(transactions.get(0))
                .isNotEqualTo(transactions.get(0));
        assertThat(statusOf(transactions.get(0))).isIn(Status.STATUS_ROLLEDBACK, Status.STATUS_NO_TRANSACTION);
        assertThat(result.versionOf(a)).contains(StreamVersion.of(2));
        assertThat(payloads(unit, a))
                .containsExactly(new ContractEvent("first after 0", 1), new ContractEvent("first after 1", 2));
        assertThat(payloads(unit, b)).containsExactly(new ContractEvent("second after 1", 2));
    }

    private static int statusOf(Transaction transaction) {
        try {
            return transaction.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate-jta", "eventcore-eclipselink-jta"})
    void an_attempt_that_fails_after_its_append_rolls_back_everything(String unit) {
        StreamId a = streams.stream(unit + "-a");
        StreamId b = streams.stream(unit + "-b");
        JpaEventStore store = TestJta.store(unit);
        AtomicInteger eventsSeenInside = new AtomicInteger(-1);
        AtomicBoolean rolledBack = new AtomicBoolean();
        // a layer above (an outbox, a CDI observer) vetoes the attempt after the append
        AttemptBoundary vetoing = new AttemptBoundary() {
            @Override
            public <T> T execute(AttemptWork<T> work) {
                return boundary.execute(attempt -> {
                    T result = work.run(attempt);
                    attempt.beforeCommit(() -> {
                        eventsSeenInside.set(store.read(Set.of(a, b)).values().stream()
                                .mapToInt(r -> r.events().size())
                                .sum());
                        throw new IllegalStateException("vetoed before commit");
                    });
                    attempt.afterRollback(() -> rolledBack.set(true));
                    return result;
                });
            }
        };
        CommandId commandId = CommandId.generate();

        assertThatThrownBy(() -> executor(store, vetoing, ExecutionListener.none())
                        .execute(new WriteBoth(a, b, 3), ExecutionOptions.DEFAULT.withCommandId(commandId)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("vetoed before commit");

        assertThat(eventsSeenInside)
                .as("the append was done in the transaction")
                .hasValue(2);
        assertThat(rolledBack).isTrue();
        assertThat(status()).isEqualTo(Status.STATUS_NO_TRANSACTION);
        assertThat(payloads(unit, a)).isEmpty();
        assertThat(payloads(unit, b)).isEmpty();
        assertThat(TestJta.storePerCall(unit).eventsOf(commandId))
                .as("not even the command id")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate-jta", "eventcore-eclipselink-jta"})
    void a_connection_lost_while_committing_is_looked_up_and_run_again(String unit) {
        StreamId a = streams.stream(unit + "-a");
        StreamId b = streams.stream(unit + "-b");
        JtaJpa jpa = TestJta.jpa(unit);
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<EventCoreException> firstFailure = new AtomicReference<>();
        // the first attempt's connection dies between the append and the commit
        AttemptBoundary losingTheFirstConnection = new AttemptBoundary() {
            @Override
            public <T> T execute(AttemptWork<T> work) {
                boolean first = attempts.incrementAndGet() == 1;
                return boundary.execute(attempt -> {
                    T result = work.run(attempt);
                    if (first) {
                        int pid = JtaBoundaryIT.backendPid(jpa);
                        attempt.beforeCommit(() -> JtaBoundaryIT.terminate(pid));
                    }
                    return result;
                });
            }
        };
        CommandExecutor executor = executor(store, losingTheFirstConnection, new ExecutionListener() {
            @Override
            public void retrying(CommandId id, String type, int attempt, EventCoreException cause, Duration backoff) {
                firstFailure.compareAndSet(null, cause);
            }
        });

        CommandResult<ContractEvent> result = executor.execute(new WriteBoth(a, b, 4));

        assertThat(firstFailure.get())
                .isInstanceOf(org.eventcore.CommitOutcomeUnknownException.class)
                .hasMessageStartingWith("EC1320");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.replayed()).as("the lost commit had not happened").isFalse();
        assertThat(payloads(unit, a)).containsExactly(new ContractEvent("first after 0", 4));
        assertThat(payloads(unit, b)).containsExactly(new ContractEvent("second after 0", 4));
    }
}
