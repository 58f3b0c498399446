package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventCoreException;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandExecutorTest {

    static final RetryPolicy NO_DELAY = new RetryPolicy(5, Duration.ZERO, 1.0, Duration.ZERO, 0.0);
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07.123Z");

    final StreamId alice = StreamId.of("account-alice");
    final StreamId bob = StreamId.of("account-bob");
    final SimpleStore store = SimpleStore.create();
    final RecordingListener listener = new RecordingListener();
    final CommandExecutor executor = CommandExecutor.create(
            store,
            ExecutorSettings.DEFAULT
                    .withRetryPolicy(NO_DELAY)
                    .withListener(listener)
                    .withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void a_deposit_returns_its_event_with_version_position_and_a_single_attempt() {
        CommandResult<LedgerEvent> result = executor.execute(new Deposit(alice, 10));

        assertThat(result.events()).hasSize(1);
        StoredEvent<LedgerEvent> event = result.events().get(0);
        assertThat(event.payload()).isEqualTo(new LedgerEvent.Deposited(10));
        assertThat(event.streamId()).isEqualTo(alice);
        assertThat(event.version()).isEqualTo(StreamVersion.of(1));
        assertThat(event.position()).isEqualTo(GlobalPosition.of(1));
        assertThat(result.streamVersions()).isEqualTo(Map.of(alice, StreamVersion.of(1)));
        assertThat(result.versionOf(alice)).contains(StreamVersion.of(1));
        assertThat(result.versionOf(bob)).isEmpty();
        assertThat(result.lastPosition()).contains(GlobalPosition.of(1));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.replayed()).isFalse();
        assertThat(store.read(Set.of(alice)).get(alice).events()).isEqualTo(result.events());
    }

    @Test
    void commands_on_one_stream_get_versions_one_to_n_and_fold_what_came_before() {
        executor.execute(new Deposit(alice, 10));
        executor.execute(new Deposit(alice, 20));
        CommandResult<LedgerEvent> third = executor.execute(new Withdraw(alice, 30));

        assertThat(third.events().get(0).version()).isEqualTo(StreamVersion.of(3));
        assertThat(third.events().get(0).payload()).isEqualTo(new LedgerEvent.Withdrawn(30));
        assertThat(store.read(Set.of(alice)).get(alice).events())
                .extracting(e -> e.version().value())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_transfer_writes_both_streams_in_one_append_with_their_new_versions() {
        executor.execute(new Deposit(alice, 100));

        CommandResult<LedgerEvent> result = executor.execute(new Transfer(alice, bob, 40));

        assertThat(result.events())
                .extracting(StoredEvent::streamId, e -> e.version().value(), StoredEvent::payload)
                .containsExactly(
                        tuple(alice, 2L, new LedgerEvent.Withdrawn(40)), tuple(bob, 1L, new LedgerEvent.Deposited(40)));
        assertThat(result.events().get(0).position()).isEqualTo(GlobalPosition.of(2));
        assertThat(result.events().get(1).position()).isEqualTo(GlobalPosition.of(3));
        assertThat(result.streamVersions()).isEqualTo(Map.of(alice, StreamVersion.of(2), bob, StreamVersion.of(1)));
        assertThat(result.lastPosition()).contains(GlobalPosition.of(3));
        assertThat(store.eventsOf(result.commandId()).orElseThrow()).hasSize(2);
    }

    @Test
    void a_require_rejection_throws_EC1100_with_the_formatted_rule_and_is_attempted_exactly_once() {
        executor.execute(new Deposit(alice, 3));
        GlobalPosition before = store.head();

        assertThatThrownBy(() -> executor.execute(new Withdraw(alice, 5)))
                .isInstanceOfSatisfying(CommandRejectedException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "EC1100 Command Withdraw rejected: insufficient funds in account-alice: balance 3,"
                                            + " amount 5");
                    assertThat(e.commandType()).isEqualTo("Withdraw");
                    assertThat(e.rule()).isEqualTo("insufficient funds in account-alice: balance 3, amount 5");
                    assertThat(e.isRetriable()).isFalse();
                });

        assertThat(listener.calls.stream().filter(c -> c.contains("Withdraw")).toList())
                .containsExactly("attemptStarted Withdraw 1", "failed Withdraw 1 CommandRejectedException");
        assertThat(store.head()).isEqualTo(before);
    }

    @Test
    void a_rule_without_arguments_is_kept_verbatim_even_with_a_percent_sign() {
        Deposit command = new Deposit(alice, 1);

        assertThatThrownBy(() -> command.require(false, "100% sure"))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("EC1100 Command Deposit rejected: 100% sure");
    }

    @Test
    void a_command_that_emits_nothing_writes_nothing_and_has_no_last_position() {
        executor.execute(new Deposit(alice, 5));
        GlobalPosition before = store.head();

        CommandResult<LedgerEvent> result = executor.execute(new Inspect(alice));

        assertThat(result.events()).isEmpty();
        assertThat(result.lastPosition()).isEmpty();
        assertThat(result.streamVersions()).isEqualTo(Map.of(alice, StreamVersion.of(1)));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(store.head()).isEqualTo(before);
        assertThat(store.eventsOf(result.commandId())).isEmpty();
    }

    @Test
    void events_whose_payload_is_not_of_the_command_event_type_are_not_passed_to_apply() {
        ForwardingEventStore.appendDirectly(store, alice, new LedgerEvent.Deposited(1), "a foreign string payload");
        ForwardingEventStore.appendDirectly(store, alice, new Foreign("other"), new LedgerEvent.Withdrawn(1));
        Inspect inspect = new Inspect(alice);

        CommandResult<LedgerEvent> result = executor.execute(inspect);

        assertThat(inspect.applied().get()).containsExactly(new LedgerEvent.Deposited(1), new LedgerEvent.Withdrawn(1));
        assertThat(result.versionOf(alice)).contains(StreamVersion.of(4));
    }

    record Foreign(String note) {}

    @Test
    void foreign_payloads_are_skipped_also_for_a_command_that_implements_Command_through_generic_interfaces() {
        ForwardingEventStore.appendDirectly(store, alice, new LedgerEvent.Deposited(5), new Foreign("skip me"));
        ForwardingEventStore.appendDirectly(store, alice, "skip me too", new LedgerEvent.Deposited(2));

        CommandResult<LedgerEvent> result = executor.execute(new Audit(alice));

        assertThat(result.events())
                .extracting(StoredEvent::payload)
                .containsExactly(new LedgerEvent.Opened("audited balance 7"));
    }

    @Test
    void events_of_several_streams_are_applied_in_global_log_order() {
        ForwardingEventStore.appendDirectly(store, bob, new LedgerEvent.Deposited(1));
        ForwardingEventStore.appendDirectly(store, alice, new LedgerEvent.Deposited(2));
        ForwardingEventStore.appendDirectly(store, bob, new LedgerEvent.Deposited(3));
        Inspect inspect = new Inspect(alice, bob);

        executor.execute(inspect);

        assertThat(inspect.applied().get())
                .containsExactly(
                        new LedgerEvent.Deposited(1), new LedgerEvent.Deposited(2), new LedgerEvent.Deposited(3));
    }

    @Test
    void the_metadata_carries_the_command_id_as_causation_and_correlation_the_user_and_custom_entries() {
        CommandId id = CommandId.of("request-17");

        CommandResult<LedgerEvent> result = executor.execute(
                new Transfer(alice, bob, 0),
                ExecutionOptions.DEFAULT
                        .withCommandId(id)
                        .withUser("alice@example.org")
                        .withMetadata("tenant", "acme")
                        .withMetadata("channel", "web"));

        assertThat(result.commandId()).isEqualTo(id);
        EventMetadata expected = new EventMetadata(
                "request-17", id, Optional.of("alice@example.org"), NOW, Map.of("channel", "web", "tenant", "acme"));
        List<StoredEvent<Object>> stored = store.eventsOf(id).orElseThrow();
        assertThat(stored).hasSize(2).allSatisfy(e -> assertThat(e.metadata()).isEqualTo(expected));
        assertThat(stored.get(0).metadata().custom().keySet()).containsExactly("channel", "tenant");
    }

    @Test
    void a_generated_command_id_is_the_causation_and_the_correlation_unless_one_is_given() {
        CommandResult<LedgerEvent> generated = executor.execute(new Deposit(alice, 1));
        CommandResult<LedgerEvent> correlated =
                executor.execute(new Deposit(alice, 1), ExecutionOptions.DEFAULT.withCorrelationId("saga-9"));

        EventMetadata first = generated.events().get(0).metadata();
        assertThat(first.causationId()).isEqualTo(generated.commandId());
        assertThat(first.correlationId()).isEqualTo(generated.commandId().value());
        assertThat(first.user()).isEmpty();
        assertThat(first.custom()).isEmpty();
        assertThat(first.time()).isEqualTo(NOW);
        EventMetadata second = correlated.events().get(0).metadata();
        assertThat(second.correlationId()).isEqualTo("saga-9");
        assertThat(second.causationId()).isEqualTo(correlated.commandId()).isNotEqualTo(generated.commandId());
    }

    @Test
    void invalid_custom_metadata_fails_with_EC1006_and_writes_nothing() {
        ExecutionOptions options = ExecutionOptions.DEFAULT.withMetadata("bad\nkey", "v");

        assertThatThrownBy(() -> executor.execute(new Deposit(alice, 1), options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1006 Invalid custom metadata key \"bad\\u000Akey\"");
        assertThat(store.head()).isEqualTo(GlobalPosition.start());
    }

    @Test
    void a_nested_command_finds_its_Outer_Inner_declarations_class() {
        CommandResult<LedgerEvent> opened = executor.execute(new Bank.Open(alice, "Alice"));

        assertThat(opened.events()).extracting(StoredEvent::payload).containsExactly(new LedgerEvent.Opened("Alice"));
        assertThatThrownBy(() -> executor.execute(new Bank.Open(alice, "Mallory")))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("EC1100 Command Open rejected: account account-alice is already open");
    }

    @Test
    void a_collection_stream_member_lets_the_command_write_to_each_of_its_streams() {
        StreamId carol = StreamId.of("account-carol");

        CommandResult<LedgerEvent> result = executor.execute(new Broadcast(List.of(alice, bob, carol), 7));

        assertThat(result.events()).extracting(StoredEvent::streamId).containsExactly(alice, bob, carol);
        assertThat(result.streamVersions())
                .isEqualTo(Map.of(alice, StreamVersion.of(1), bob, StreamVersion.of(1), carol, StreamVersion.of(1)));
    }

    @Test
    void an_exception_that_is_not_an_eventcore_error_passes_through_unchanged_and_is_not_retried() {
        IllegalStateException boom = new IllegalStateException("disk on fire");
        CommandExecutor failing = CommandExecutor.create(
                new ForwardingEventStore(store) {
                    @Override
                    public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                        throw boom;
                    }
                },
                ExecutorSettings.DEFAULT.withRetryPolicy(NO_DELAY).withListener(listener));

        assertThatThrownBy(() -> failing.execute(new Deposit(alice, 1))).isSameAs(boom);
        assertThat(listener.calls)
                .containsExactly("attemptStarted Deposit 1", "failed Deposit 1 IllegalStateException");
        assertThat(boom).isNotInstanceOf(EventCoreException.class);
    }
}
