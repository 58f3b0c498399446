package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.StreamId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The listener SPI that telemetry builds on: the nesting of its calls and the metadata it adds to events. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExecutionListenerSpiTest {

    /** Records every call in order, and adds {@code entries} to the events' metadata. */
    static final class Tracing implements ExecutionListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<String, String> entries;

        Tracing(Map<String, String> entries) {
            this.entries = entries;
        }

        @Override
        public void started(CommandId commandId, String commandType) {
            calls.add("started " + commandType);
        }

        @Override
        public void attemptStarted(CommandId commandId, String commandType, int attempt) {
            calls.add("attemptStarted " + attempt);
        }

        @Override
        public Map<String, String> eventMetadata(CommandId commandId, String commandType) {
            calls.add("eventMetadata");
            return entries;
        }

        @Override
        public void appendStarted(CommandId commandId, String commandType, int attempt, int streams, int events) {
            calls.add("appendStarted " + attempt + " streams=" + streams + " events=" + events);
        }

        @Override
        public void appendEnded(
                CommandId commandId,
                String commandType,
                int attempt,
                Duration took,
                Optional<RuntimeException> failure) {
            assertThat(took.isNegative()).isFalse();
            calls.add("appendEnded " + attempt + " "
                    + failure.map(f -> f.getClass().getSimpleName()).orElse("stored"));
        }

        @Override
        public void attemptEnded(
                CommandId commandId, String commandType, int attempt, Optional<RuntimeException> failure) {
            calls.add("attemptEnded " + attempt + " "
                    + failure.map(f -> f.getClass().getSimpleName()).orElse("committed"));
        }

        @Override
        public void retrying(
                CommandId commandId, String commandType, int attempt, EventCoreException cause, Duration backoff) {
            calls.add("retrying " + attempt);
        }

        @Override
        public void succeeded(CommandResult<?> result) {
            calls.add("succeeded " + result.attempts());
        }

        @Override
        public void failed(CommandId commandId, String commandType, int attempts, RuntimeException cause) {
            calls.add("failed " + attempts + " " + cause.getClass().getSimpleName());
        }
    }

    private static ExecutorSettings settings(ExecutionListener listener) {
        return ExecutorSettings.DEFAULT
                .withListener(listener)
                .withRetryPolicy(RetryPolicy.DEFAULT.withBaseDelay(Duration.ZERO));
    }

    @Test
    void the_calls_of_a_retried_command_nest_command_attempts_and_appends() {
        StreamId account = StreamId.of("listened-1");
        Tracing tracing = new Tracing(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        CommandExecutor executor =
                CommandExecutor.create(new InterferingStore(SimpleStore.create(), account, 1), settings(tracing));
        CommandResult<LedgerEvent> result = executor.execute(new Deposit(account, 5));
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(tracing.calls)
                .containsExactly(
                        "started Deposit",
                        "attemptStarted 1",
                        "eventMetadata",
                        "appendStarted 1 streams=1 events=1",
                        "appendEnded 1 StreamConflictException",
                        "attemptEnded 1 StreamConflictException",
                        "retrying 1",
                        "attemptStarted 2",
                        "eventMetadata",
                        "appendStarted 2 streams=1 events=1",
                        "appendEnded 2 stored",
                        "attemptEnded 2 committed",
                        "succeeded 2");
        assertThat(result.events().get(0).metadata().custom())
                .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    @Test
    void a_rejected_command_ends_its_attempt_and_fails_without_an_append() {
        StreamId account = StreamId.of("listened-2");
        Tracing tracing = new Tracing(Map.of());
        CommandExecutor executor = CommandExecutor.create(SimpleStore.create(), settings(tracing));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> executor.execute(new Deposit(account, 0)));
        assertThat(tracing.calls)
                .containsExactly(
                        "started Deposit",
                        "attemptStarted 1",
                        "attemptEnded 1 CommandRejectedException",
                        "failed 1 CommandRejectedException");
    }

    @Test
    void the_callers_metadata_wins_and_entries_a_listener_gets_wrong_are_left_out() {
        StreamId account = StreamId.of("listened-3");
        CommandExecutor overridden = CommandExecutor.create(
                SimpleStore.create(), settings(new Tracing(Map.of("traceparent", "listener's"))));
        CommandResult<LedgerEvent> mine = overridden.execute(
                new Deposit(account, 5), ExecutionOptions.DEFAULT.withMetadata("traceparent", "caller's"));
        assertThat(mine.events().get(0).metadata().custom()).containsEntry("traceparent", "caller's");

        CommandExecutor wrong = CommandExecutor.create(
                SimpleStore.create(), settings(new Tracing(Map.of("traceparent", "x".repeat(5_000)))));
        CommandResult<LedgerEvent> stored = wrong.execute(new Deposit(account, 5));
        assertThat(stored.events()).hasSize(1);
        assertThat(stored.events().get(0).metadata().custom()).doesNotContainKey("traceparent");
    }

    @Test
    void combined_listeners_of_which_one_adds_entries_and_one_returns_null_give_those_entries() {
        StreamId account = StreamId.of("listened-5");
        ExecutionListener none = new ExecutionListener() {
            @Override
            public Map<String, String> eventMetadata(CommandId commandId, String commandType) {
                return null;
            }
        };
        Tracing only = new Tracing(Map.of("traceparent", "only"));
        CommandExecutor executor = CommandExecutor.create(
                SimpleStore.create(), settings(ExecutionListener.all(List.of(none, only, new ExecutionListener() {}))));
        CommandResult<LedgerEvent> result =
                executor.execute(new Deposit(account, 5), ExecutionOptions.DEFAULT.withMetadata("tenant", "acme"));
        assertThat(result.events().get(0).metadata().custom())
                .containsExactly(Map.entry("tenant", "acme"), Map.entry("traceparent", "only"));
        CommandResult<LedgerEvent> alone = executor.execute(new Deposit(account, 5));
        assertThat(alone.events().get(0).metadata().custom()).containsExactly(Map.entry("traceparent", "only"));
    }

    @Test
    void listeners_combined_are_each_called_in_order_isolated_from_each_others_failures() {
        StreamId account = StreamId.of("listened-4");
        Tracing first = new Tracing(Map.of("traceparent", "first", "a", "1"));
        ExecutionListener broken = new ExecutionListener() {
            @Override
            public void started(CommandId commandId, String commandType) {
                throw new IllegalStateException("a broken listener");
            }

            @Override
            public Map<String, String> eventMetadata(CommandId commandId, String commandType) {
                throw new IllegalStateException("a broken listener");
            }
        };
        Tracing last = new Tracing(Map.of("traceparent", "last", "b", "2"));
        CommandExecutor executor = CommandExecutor.create(
                SimpleStore.create(), settings(ExecutionListener.all(List.of(first, broken, last))));
        CommandResult<LedgerEvent> result = executor.execute(new Deposit(account, 5));
        assertThat(first.calls).isEqualTo(last.calls).contains("started Deposit", "succeeded 1");
        assertThat(result.events().get(0).metadata().custom())
                .containsEntry("traceparent", "first")
                .containsEntry("a", "1")
                .containsEntry("b", "2");
    }
}
