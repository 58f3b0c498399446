package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eventcore.CommandId;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandExecutorRetryTest {

    final StreamId account = StreamId.of("account-42");
    final SimpleStore memory = SimpleStore.create();
    final RecordingListener listener = new RecordingListener();

    CommandExecutor executor(EventStore store, int maxAttempts) {
        return CommandExecutor.create(
                store,
                ExecutorSettings.DEFAULT
                        .withRetryPolicy(new RetryPolicy(maxAttempts, Duration.ZERO, 1.0, Duration.ZERO, 0.0))
                        .withListener(listener));
    }

    List<Object> payloadsIn(StreamId stream) {
        return memory.read(Set.of(stream)).get(stream).events().stream()
                .map(StoredEvent::payload)
                .toList();
    }

    @Test
    void a_conflict_caused_by_another_writer_is_retried_and_succeeds_after_N_plus_1_attempts() {
        InterferingStore store = new InterferingStore(memory, account, 2);

        CommandResult<LedgerEvent> result = executor(store, 5).execute(new Deposit(account, 500));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.replayed()).isFalse();
        assertThat(store.interferences).isEqualTo(2);
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(StreamVersion.of(3));
            assertThat(e.payload()).isEqualTo(new LedgerEvent.Deposited(500));
        });
        assertThat(payloadsIn(account))
                .containsExactly(
                        new LedgerEvent.Deposited(1), new LedgerEvent.Deposited(1), new LedgerEvent.Deposited(500));
        assertThat(listener.calls)
                .containsExactly(
                        "attemptStarted Deposit 1",
                        "retrying Deposit 1 StreamConflictException PT0S",
                        "attemptStarted Deposit 2",
                        "retrying Deposit 2 StreamConflictException PT0S",
                        "attemptStarted Deposit 3",
                        "succeeded attempts=3 replayed=false");
    }

    @Test
    void the_first_attempt_reads_optimistically_and_the_attempts_after_a_conflict_read_locked() {
        List<String> reads = new ArrayList<>();
        InterferingStore store = new InterferingStore(memory, account, 2) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                reads.add("read");
                return super.read(streams);
            }

            @Override
            public Map<StreamId, StreamRead> readLocked(Set<StreamId> streams) {
                reads.add("readLocked");
                return super.read(streams);
            }
        };

        assertThat(executor(store, 5).execute(new Deposit(account, 500)).attempts())
                .isEqualTo(3);
        assertThat(reads).containsExactly("read", "readLocked", "readLocked");
    }

    @Test
    void a_transient_failure_alone_does_not_make_the_next_attempt_lock() {
        List<String> reads = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                reads.add("read");
                if (failures.incrementAndGet() == 1) {
                    throw new StoreUnavailableException("EC3997 read failed");
                }
                return super.read(streams);
            }

            @Override
            public Map<StreamId, StreamRead> readLocked(Set<StreamId> streams) {
                reads.add("readLocked");
                return super.read(streams);
            }
        };

        assertThat(executor(store, 3).execute(new Deposit(account, 500)).attempts())
                .isEqualTo(2);
        assertThat(reads).containsExactly("read", "read");
    }

    @Test
    void every_attempt_runs_in_its_own_attempt_boundary() {
        List<String> boundaryCalls = new ArrayList<>();
        AttemptBoundary counting = new AttemptBoundary() {
            @Override
            public <T> T execute(AttemptWork<T> work) {
                boundaryCalls.add("begin");
                try {
                    T result = AttemptBoundary.direct().execute(work);
                    boundaryCalls.add("commit");
                    return result;
                } catch (RuntimeException e) {
                    boundaryCalls.add("rollback " + e.getClass().getSimpleName());
                    throw e;
                }
            }
        };
        CommandExecutor executor = CommandExecutor.create(
                new InterferingStore(memory, account, 2),
                ExecutorSettings.DEFAULT
                        .withRetryPolicy(new RetryPolicy(5, Duration.ZERO, 1.0, Duration.ZERO, 0.0))
                        .withBoundary(counting));

        executor.execute(new Deposit(account, 500));

        assertThat(boundaryCalls)
                .containsExactly(
                        "begin",
                        "rollback StreamConflictException",
                        "begin",
                        "rollback StreamConflictException",
                        "begin",
                        "commit");
    }

    @Test
    void exhausted_retries_name_the_attempts_and_the_stale_stream_with_expected_and_actual_version() {
        InterferingStore store = new InterferingStore(memory, account, Integer.MAX_VALUE);
        CommandId id = CommandId.of("cmd-exhaust");

        assertThatThrownBy(() -> executor(store, 3)
                        .execute(new Deposit(account, 500), ExecutionOptions.DEFAULT.withCommandId(id)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastConflicts())
                            .containsExactly(new StreamConflict(account, StreamVersion.of(2), StreamVersion.of(3)));
                    assertThat(e.getCause()).isSameAs(e.lastFailure()).isInstanceOf(StreamConflictException.class);
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage())
                            .isEqualTo("EC1300 Command Deposit (id cmd-exhaust) failed after 3 attempts; last failure:"
                                    + " EC1200 Stream version conflict on account-42 (expected version 2, actual 3):"
                                    + " another command changed these streams after this one read them");
                });

        assertThat(payloadsIn(account)).hasSize(3).doesNotContain(new LedgerEvent.Deposited(500));
        assertThat(memory.eventsOf(id)).isEmpty();
        assertThat(listener.calls)
                .containsExactly(
                        "attemptStarted Deposit 1",
                        "retrying Deposit 1 StreamConflictException PT0S",
                        "attemptStarted Deposit 2",
                        "retrying Deposit 2 StreamConflictException PT0S",
                        "attemptStarted Deposit 3",
                        "failed Deposit 3 RetriesExhaustedException");
    }

    @Test
    void with_no_retry_a_single_conflict_exhausts_after_one_attempt() {
        InterferingStore store = new InterferingStore(memory, account, 1);
        CommandExecutor executor = CommandExecutor.create(
                store,
                ExecutorSettings.DEFAULT.withRetryPolicy(RetryPolicy.none()).withListener(listener));

        assertThatThrownBy(() -> executor.execute(new Deposit(account, 500)))
                .isInstanceOf(RetriesExhaustedException.class)
                .hasMessageContaining("failed after 1 attempt; last failure: EC1200")
                .satisfies(e -> assertThat(((RetriesExhaustedException) e).lastConflicts())
                        .containsExactly(new StreamConflict(account, StreamVersion.NONE, StreamVersion.of(1))));
        assertThat(listener.attemptsStarted()).isEqualTo(1);
    }

    @Test
    void a_retry_policy_in_the_execution_options_overrides_the_executor_policy() {
        InterferingStore store = new InterferingStore(memory, account, Integer.MAX_VALUE);
        CommandExecutor executor = executor(store, 6);
        ExecutionOptions options =
                ExecutionOptions.DEFAULT.withRetryPolicy(new RetryPolicy(2, Duration.ZERO, 1.0, Duration.ZERO, 0.0));

        assertThatThrownBy(() -> executor.execute(new Deposit(account, 500), options))
                .isInstanceOfSatisfying(
                        RetriesExhaustedException.class,
                        e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(listener.attemptsStarted()).isEqualTo(2);
        assertThat(store.interferences).isEqualTo(2);
    }

    @Test
    void a_transient_store_failure_is_retried_and_the_command_applied_once() {
        AtomicInteger failures = new AtomicInteger();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                if (failures.getAndIncrement() == 0) {
                    throw new StoreUnavailableException("EC3999 connection refused");
                }
                return super.read(streams);
            }
        };

        CommandResult<LedgerEvent> result = executor(store, 3).execute(new Deposit(account, 500));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.replayed()).isFalse();
        assertThat(payloadsIn(account)).containsExactly(new LedgerEvent.Deposited(500));
        assertThat(listener.calls)
                .containsExactly(
                        "attemptStarted Deposit 1",
                        "retrying Deposit 1 StoreUnavailableException PT0S",
                        "attemptStarted Deposit 2",
                        "succeeded attempts=2 replayed=false");
    }

    @Test
    void a_store_that_stays_unavailable_exhausts_the_retries_without_conflicts() {
        StoreUnavailableException down = new StoreUnavailableException("EC3999 database is restarting");
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                throw down;
            }
        };

        assertThatThrownBy(() -> executor(store, 2).execute(new Deposit(account, 500)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.lastFailure()).isSameAs(down);
                    assertThat(e.lastConflicts()).isEmpty();
                    assertThat(e.getMessage())
                            .endsWith("failed after 2 attempts; last failure: EC3999 database is restarting");
                });
    }

    @Test
    void a_store_that_stays_unavailable_fails_the_command_at_the_time_limit_even_with_attempts_left() {
        AtomicInteger attempts = new AtomicInteger();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                attempts.incrementAndGet();
                try {
                    Thread.sleep(20); // each attempt waits, as for a connection from an empty pool
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StoreUnavailableException("EC3303 The database is unavailable (connection refused)");
            }
        };
        RetryPolicy policy = RetryPolicy.DEFAULT
                .withMaxAttempts(1_000)
                .withBaseDelay(Duration.ofMillis(10))
                .withMaxDelay(Duration.ofMillis(10))
                .withTimeLimit(Duration.ofMillis(300));
        CommandExecutor executor = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withRetryPolicy(policy).withListener(listener));

        long started = System.nanoTime();
        assertThatThrownBy(() -> executor.execute(new Deposit(account, 500)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(attempts.get()).isBetween(2, 100);
                    assertThat(e.lastFailure()).isInstanceOf(StoreUnavailableException.class);
                    assertThat(e.getMessage())
                            .contains("reaching the retry policy's time limit of 300 ms")
                            .endsWith("last failure: EC3303 The database is unavailable (connection refused)");
                });
        // without the limit its 1,000 attempts would take 30 s; a wide margin for a busy machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(listener.calls).last().asString().startsWith("failed");
    }

    @Test
    void giving_up_after_a_commit_with_unknown_outcome_that_no_later_attempt_cleared_says_the_command_may_be_stored() {
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<AppendResult> committed = new AtomicReference<>();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                if (reads.incrementAndGet() > 1) {
                    throw new StoreUnavailableException("EC3997 read failed");
                }
                return super.read(streams);
            }

            @Override
            public AppendResult append(AppendRequest request) {
                committed.set(super.append(request));
                throw new CommitOutcomeUnknownException("EC3998 connection lost during commit", null);
            }
        };
        CommandId id = CommandId.of("deposit-unknown");

        assertThatThrownBy(() -> executor(store, 3)
                        .execute(new Deposit(account, 500), ExecutionOptions.DEFAULT.withCommandId(id)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.lastFailure()).isInstanceOf(StoreUnavailableException.class);
                    assertThat(e.getMessage())
                            .contains("last failure: EC3997 read failed")
                            .endsWith("The outcome of an attempt's commit is unknown: the command may be stored;"
                                    + " execute it again with the same command id (deposit-unknown) to find out"
                                    + " without applying it twice");
                });
        assertThat(committed.get()).as("it was stored").isNotNull();
        // executing it again with the same id finds it
        CommandResult<LedgerEvent> again =
                executor(memory, 1).execute(new Deposit(account, 500), ExecutionOptions.DEFAULT.withCommandId(id));
        assertThat(again.replayed()).isTrue();
        assertThat(payloadsIn(account)).containsExactly(new LedgerEvent.Deposited(500));
    }

    @Test
    void a_failure_that_is_not_retried_after_a_commit_with_unknown_outcome_still_says_the_command_may_be_stored() {
        AtomicInteger reads = new AtomicInteger();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                if (reads.incrementAndGet() > 1) {
                    throw new StoreFailureException("EC3996 permission denied for table ec_events");
                }
                return super.read(streams);
            }

            @Override
            public AppendResult append(AppendRequest request) {
                super.append(request);
                throw new CommitOutcomeUnknownException("EC3998 connection lost during commit", null);
            }
        };

        // the executor generated the id: the caller finds it as a typed value, not in the message
        assertThatThrownBy(() -> executor(store, 3).execute(new Deposit(account, 500)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.lastFailure()).isInstanceOf(StoreFailureException.class);
                    assertThat(e.getMessage())
                            .contains("EC3996 permission denied", e.commandId().value());
                    CommandResult<LedgerEvent> again = executor(memory, 1)
                            .execute(new Deposit(account, 500), ExecutionOptions.DEFAULT.withCommandId(e.commandId()));
                    assertThat(again.replayed())
                            .as("the recovery finds the stored command")
                            .isTrue();
                });
        assertThat(payloadsIn(account)).containsExactly(new LedgerEvent.Deposited(500));
    }

    @Test
    void a_failure_that_is_not_retried_after_the_command_was_found_not_stored_is_thrown_as_it_is() {
        AtomicInteger appends = new AtomicInteger();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public AppendResult append(AppendRequest request) {
                if (appends.incrementAndGet() == 1) {
                    throw new CommitOutcomeUnknownException("EC3998 connection lost during commit", null);
                }
                throw new StoreFailureException("EC3996 value too long for type character varying(255)");
            }
        };

        assertThatThrownBy(() -> executor(store, 3).execute(new Deposit(account, 500)))
                .isInstanceOf(StoreFailureException.class)
                .hasMessage("EC3996 value too long for type character varying(255)");
        assertThat(payloadsIn(account)).isEmpty();
    }

    @Test
    void an_attempt_that_fails_before_its_work_runs_keeps_the_unknown_outcome_of_the_attempt_before() {
        // attempt 1 looks the caller's id up, finds it not stored, stores it, and loses the commit's answer;
        // attempts 2 and 3 fail before their work runs (no connection to begin a transaction with): the
        // look-up of attempt 1 says nothing about what attempt 1's own commit did (found by the fault suite:
        // PostgreSQL stopped right after a commit, then refused connections until the time limit)
        AtomicReference<AppendResult> committed = new AtomicReference<>();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public AppendResult append(AppendRequest request) {
                committed.set(super.append(request));
                throw new CommitOutcomeUnknownException("EC3998 connection lost during commit", null);
            }
        };
        AtomicInteger begins = new AtomicInteger();
        AttemptBoundary noConnectionAfterTheFirst = new AttemptBoundary() {
            @Override
            public <T> T execute(AttemptBoundary.AttemptWork<T> work) {
                if (begins.incrementAndGet() > 1) {
                    throw new StoreUnavailableException("EC3997 connection refused");
                }
                return AttemptBoundary.direct().execute(work);
            }
        };
        CommandExecutor executor = CommandExecutor.create(
                store,
                ExecutorSettings.DEFAULT
                        .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO, 0.0))
                        .withBoundary(noConnectionAfterTheFirst));
        CommandId id = CommandId.of("deposit-then-no-connection");

        assertThatThrownBy(
                        () -> executor.execute(new Deposit(account, 500), ExecutionOptions.DEFAULT.withCommandId(id)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.outcomeUnknown())
                            .as("attempt 1 stored it and no attempt found out otherwise")
                            .isTrue();
                    assertThat(e.getMessage()).contains("the command may be stored");
                });
        assertThat(committed.get()).as("it was stored").isNotNull();
    }

    @Test
    void a_later_attempt_that_finds_the_command_not_stored_clears_the_unknown_outcome() {
        AtomicInteger appends = new AtomicInteger();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public AppendResult append(AppendRequest request) {
                if (appends.incrementAndGet() == 1) {
                    throw new CommitOutcomeUnknownException("EC3998 connection lost during commit", null);
                }
                throw new StoreUnavailableException("EC3997 append failed");
            }
        };

        assertThatThrownBy(() -> executor(store, 3).execute(new Deposit(account, 500)))
                .isInstanceOfSatisfying(RetriesExhaustedException.class, e -> {
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).endsWith("last failure: EC3997 append failed");
                });
        assertThat(payloadsIn(account)).isEmpty();
    }

    @Test
    void a_commit_with_unknown_outcome_that_did_commit_is_replayed_from_the_command_log_and_stored_once() {
        AtomicReference<AppendResult> committed = new AtomicReference<>();
        EventStore store = new ForwardingEventStore(memory) {
            @Override
            public AppendResult append(AppendRequest request) {
                AppendResult result = super.append(request);
                if (committed.compareAndSet(null, result)) {
                    throw new CommitOutcomeUnknownException("EC3998 connection lost during commit", null);
                }
                return result;
            }
        };

        CommandResult<LedgerEvent> result = executor(store, 3).execute(new Deposit(account, 500));

        assertThat(result.replayed()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.events()).isEqualTo(committed.get().events());
        assertThat(result.lastPosition()).contains(committed.get().lastPosition());
        assertThat(result.streamVersions()).isEqualTo(Map.of(account, StreamVersion.of(1)));
        assertThat(payloadsIn(account)).containsExactly(new LedgerEvent.Deposited(500));
        assertThat(listener.calls)
                .containsExactly(
                        "attemptStarted Deposit 1",
                        "retrying Deposit 1 CommitOutcomeUnknownException PT0S",
                        "attemptStarted Deposit 2",
                        "succeeded attempts=2 replayed=true");
    }

    @Test
    void a_caller_supplied_command_id_executed_twice_applies_once_and_the_second_result_is_replayed() {
        CommandExecutor executor = executor(memory, 3);
        ExecutionOptions options = ExecutionOptions.DEFAULT.withCommandId(CommandId.of("Idempotency-Key-1"));

        CommandResult<LedgerEvent> first = executor.execute(new Deposit(account, 500), options);
        CommandResult<LedgerEvent> second = executor.execute(new Deposit(account, 500), options);

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(second.commandId()).isEqualTo(first.commandId());
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.lastPosition()).isEqualTo(first.lastPosition());
        assertThat(payloadsIn(account)).containsExactly(new LedgerEvent.Deposited(500));
    }

    @Test
    void a_listener_that_throws_does_not_change_the_outcome() {
        ExecutionListener broken = new ExecutionListener() {
            @Override
            public void attemptStarted(CommandId commandId, String commandType, int attempt) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void succeeded(CommandResult<?> result) {
                throw new IllegalStateException("listener bug");
            }
        };
        CommandExecutor executor = CommandExecutor.create(
                memory,
                ExecutorSettings.DEFAULT.withRetryPolicy(RetryPolicy.none()).withListener(broken));

        CommandResult<LedgerEvent> result = executor.execute(new Deposit(account, 500));

        assertThat(result.events()).hasSize(1);
        assertThat(payloadsIn(account)).containsExactly(new LedgerEvent.Deposited(500));
    }
}
