package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.CommandDefinitionException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandExecutorDefinitionTest {

    final StreamId account = StreamId.of("account-1");
    final SimpleStore store = SimpleStore.create();
    final RecordingListener listener = new RecordingListener();
    final CommandExecutor executor = CommandExecutor.create(
            store,
            ExecutorSettings.DEFAULT
                    .withRetryPolicy(new RetryPolicy(4, Duration.ZERO, 1.0, Duration.ZERO, 0.0))
                    .withListener(listener));

    @Test
    void a_command_without_declarations_class_fails_with_EC1101_and_says_how_to_enable_the_processor() {
        assertThatThrownBy(() -> executor.execute(new Undeclared(account)))
                .isInstanceOfSatisfying(CommandDefinitionException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("EC1101 No stream declarations for command org.eventcore.execution.Undeclared:"
                                    + " class org.eventcore.execution.UndeclaredStreams was not found")
                            .contains("org.eventcore:eventcore-processor")
                            .contains("<annotationProcessorPaths>")
                            .contains("StreamDeclarations<Undeclared>");
                    assertThat(e.getCause()).isInstanceOf(ClassNotFoundException.class);
                    assertThat(e.isRetriable()).isFalse();
                });
        assertThat(listener.calls).singleElement().asString().startsWith("failed");
        assertThat(store.head()).isEqualTo(GlobalPosition.start());
    }

    @Test
    void a_declarations_class_for_another_command_type_fails_with_EC1102() {
        assertThatThrownBy(() -> executor.execute(new Misdeclared(account)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessage("EC1102 org.eventcore.execution.MisdeclaredStreams declares the streams of"
                        + " org.eventcore.execution.Deposit, not of org.eventcore.execution.Misdeclared");
    }

    @Test
    void a_declarations_class_that_does_not_extend_StreamDeclarations_fails_with_EC1102() {
        assertThatThrownBy(() -> executor.execute(new NotDeclaring(account)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessage("EC1102 org.eventcore.execution.NotDeclaringStreams is meant to declare the streams of"
                        + " command org.eventcore.execution.NotDeclaring but does not extend"
                        + " org.eventcore.StreamDeclarations");
    }

    @Test
    void a_command_whose_only_stream_member_is_an_empty_collection_fails_with_EC1103() {
        assertThatThrownBy(() -> executor.execute(new Broadcast(List.of(), 5)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1103 Command org.eventcore.execution.Broadcast declares no stream");
        assertThat(listener.calls)
                .containsExactly("attemptStarted Broadcast 1", "failed Broadcast 1 CommandDefinitionException");
    }

    @Test
    void emitting_to_a_stream_neither_declared_nor_discovered_fails_with_EC1104_and_writes_nothing() {
        StreamId elsewhere = StreamId.of("account-of-someone-else");

        assertThatThrownBy(() -> executor.execute(new ForgedEmit(account, elsewhere, false)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1104 Command org.eventcore.execution.ForgedEmit wrote to stream"
                        + " account-of-someone-else, which it neither declared nor discovered (it read [account-1])");

        assertThat(store.head()).isEqualTo(GlobalPosition.start());
        assertThat(store.read(Set.of(account, elsewhere)).values())
                .allSatisfy(read -> assertThat(read.version()).isEqualTo(StreamVersion.NONE));
        assertThat(listener.attemptsStarted()).isEqualTo(1);
    }

    @Test
    void emitting_through_a_handle_of_another_command_fails_with_EC1104() {
        assertThatThrownBy(() -> executor.execute(new ForgedEmit(account, account, true)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1104 Command org.eventcore.execution.ForgedEmit emitted to account-1 with a"
                        + " handle of command org.eventcore.execution.Deposit");
        assertThat(store.head()).isEqualTo(GlobalPosition.start());
    }

    @Test
    void a_discovered_stream_is_read_folded_and_can_be_written_through_decision_stream() {
        StreamId order = StreamId.of("order-1");
        StreamId customer = StreamId.of("customer-7");
        ForwardingEventStore.appendDirectly(
                store, customer, new LedgerEvent.Deposited(5), new LedgerEvent.Deposited(6));
        ForwardingEventStore.appendDirectly(store, order, new LedgerEvent.OrderPlaced("customer-7"));
        ForwardingEventStore.appendDirectly(store, StreamId.of("customer-8"), new LedgerEvent.Deposited(1));

        CommandResult<LedgerEvent> result = executor.execute(new AwardBonus(order));

        assertThat(result.events())
                .extracting(StoredEvent::streamId, StoredEvent::payload)
                .containsExactly(tuple(customer, new LedgerEvent.BonusAwarded(2)));
        assertThat(result.events().get(0).version()).isEqualTo(StreamVersion.of(3));
        assertThat(result.streamVersions())
                .isEqualTo(Map.of(order, StreamVersion.of(1), customer, StreamVersion.of(3)));
    }

    @Test
    void a_discovered_stream_is_part_of_the_consistency_boundary_so_a_change_to_it_is_a_retried_conflict() {
        StreamId order = StreamId.of("order-2");
        StreamId customer = StreamId.of("customer-9");
        ForwardingEventStore.appendDirectly(store, order, new LedgerEvent.OrderPlaced("customer-9"));
        InterferingStore interfering = new InterferingStore(store, customer, 1);
        CommandExecutor retrying = CommandExecutor.create(
                interfering,
                ExecutorSettings.DEFAULT
                        .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO, 0.0))
                        .withListener(listener));

        CommandResult<LedgerEvent> result = retrying.execute(new AwardBonus(order));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(listener.calls).contains("retrying AwardBonus 1 StreamConflictException PT0S");
        assertThat(result.events()).extracting(StoredEvent::payload).containsExactly(new LedgerEvent.BonusAwarded(1));
        assertThat(result.events().get(0).version()).isEqualTo(StreamVersion.of(2));
    }

    @Test
    void a_command_that_keeps_discovering_new_streams_fails_with_EC1108_after_the_configured_rounds() {
        DiscoverForever command = new DiscoverForever(account);
        CommandExecutor bounded =
                CommandExecutor.create(store, executor.settings().withMaxDiscoveryRounds(3));

        assertThatThrownBy(() -> bounded.execute(command))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1108 Command org.eventcore.execution.DiscoverForever was still discovering"
                        + " new streams after 3 rounds (last added: [account-1-4])")
                .hasMessageContaining("ExecutorSettings.maxDiscoveryRounds");
        assertThat(command.rounds().get()).isEqualTo(4);
        assertThat(listener.attemptsStarted()).isEqualTo(1);
        assertThat(store.head()).isEqualTo(GlobalPosition.start());
    }

    @Test
    void the_default_bound_on_discovery_is_eight_rounds() {
        assertThatThrownBy(() -> executor.execute(new DiscoverForever(account)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageContaining("after 8 rounds (last added: [account-1-9])");
    }
}
