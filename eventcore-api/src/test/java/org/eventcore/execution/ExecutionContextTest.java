package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eventcore.Command;
import org.eventcore.CommandDefinitionException;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.Decision;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.ExecutionContext;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.PendingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A command sees its execution (user, roles, ids, metadata) and enforces who may do what from it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExecutionContextTest {

    private final StreamId alices = StreamId.of("account-alice");
    private final SimpleStore store = SimpleStore.create();
    private final CommandExecutor executor =
            CommandExecutor.create(store, ExecutorSettings.DEFAULT.withRetryPolicy(RetryPolicy.none()));

    @BeforeEach
    void alice_opens_an_account_with_money() {
        CommandId setup = CommandId.generate();
        EventMetadata metadata = EventMetadata.of(setup.value(), setup, java.time.Instant.EPOCH);
        store.append(new AppendRequest(
                setup,
                Map.of(alices, StreamVersion.NONE),
                List.of(
                        new PendingEvent(EventId.generate(), alices, new LedgerEvent.Opened("alice"), metadata),
                        new PendingEvent(EventId.generate(), alices, new LedgerEvent.Deposited(100), metadata))));
    }

    @Test
    void the_owner_may_withdraw() {
        CommandResult<LedgerEvent> result =
                executor.execute(new OwnedWithdraw(alices, 10), ExecutionOptions.DEFAULT.withUser("alice"));

        assertThat(result.events()).extracting(StoredEvent::payload).containsExactly(new LedgerEvent.Withdrawn(10));
        assertThat(result.events().get(0).metadata().user()).contains("alice");
    }

    @Test
    void another_user_is_rejected_and_nothing_is_written() {
        assertThatThrownBy(
                        () -> executor.execute(new OwnedWithdraw(alices, 10), ExecutionOptions.DEFAULT.withUser("bob")))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("EC1100 Command OwnedWithdraw rejected: account account-alice is not open or not yours");
        assertThat(store.read(Set.of(alices)).get(alices).version()).isEqualTo(StreamVersion.of(2));
    }

    @Test
    void a_command_that_needs_a_user_rejects_when_there_is_none() {
        assertThatThrownBy(() -> executor.execute(new OwnedWithdraw(alices, 10)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessage("EC1100 Command OwnedWithdraw rejected: an authenticated user is required, and this"
                        + " command runs for none");
    }

    @Test
    void a_role_given_with_the_user_is_seen_by_the_command() {
        CommandResult<LedgerEvent> result = executor.execute(
                new OwnedWithdraw(alices, 10),
                ExecutionOptions.DEFAULT.withUser("tess").withRoles(Set.of("teller")));

        assertThat(result.events()).hasSize(1);
    }

    @Test
    void the_execution_carries_the_ids_and_metadata_of_the_options() {
        AtomicReference<ExecutionContext> seen = new AtomicReference<>();
        CommandId id = CommandId.generate();
        executor.execute(
                new Peek(alices, seen),
                ExecutionOptions.DEFAULT
                        .withCommandId(id)
                        .withCorrelationId("request-7")
                        .withUser("alice")
                        .withRoles(Set.of("customer"))
                        .withMetadata("channel", "web"));

        ExecutionContext context = seen.get();
        assertThat(context.commandType()).isEqualTo(Peek.class);
        assertThat(context.commandId()).isEqualTo(id);
        assertThat(context.correlationId()).isEqualTo("request-7");
        assertThat(context.user()).contains("alice");
        assertThat(context.roles()).containsExactly("customer");
        assertThat(context.metadata()).isEqualTo(Map.of("channel", "web"));
        assertThat(context.requireRole("customer")).isEqualTo("alice");
        assertThatThrownBy(() -> context.requireRole("teller"))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("only the role teller may do this, and alice is not in it");
    }

    @Test
    void roles_without_a_user_grant_nothing() {
        ExecutionContext anonymous = new ExecutionContext(
                Peek.class, CommandId.generate(), "c", Optional.empty(), Set.of("teller"), Map.of());
        assertThat(anonymous.isInRole("teller")).isFalse();
        assertThatThrownBy(() -> anonymous.requireRole("teller")).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void a_command_over_more_streams_than_the_limit_fails_before_reading_them() {
        CommandExecutor limited = CommandExecutor.create(
                store,
                ExecutorSettings.DEFAULT.withRetryPolicy(RetryPolicy.none()).withMaxStreamsPerCommand(3));
        List<StreamId> four = List.of(StreamId.of("s-1"), StreamId.of("s-2"), StreamId.of("s-3"), StreamId.of("s-4"));

        assertThatThrownBy(() -> limited.execute(new Broadcast(four, 1)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessage("EC1111 Command org.eventcore.execution.Broadcast declares 4 streams, more than the 3 one"
                        + " command may read (ExecutorSettings.maxStreamsPerCommand): split the work into several"
                        + " commands, or raise the limit if the store can read that many at once");
        assertThat(limited.execute(new Broadcast(four.subList(0, 3), 1)).events())
                .hasSize(3);
        assertThatThrownBy(() -> ExecutorSettings.DEFAULT.withMaxStreamsPerCommand(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EC1022");
    }

    /** Records the execution it decides in, and writes nothing. */
    record Peek(@org.eventcore.Stream StreamId account, AtomicReference<ExecutionContext> seen)
            implements Command<Peek, Long, LedgerEvent> {
        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public Long apply(Long state, StoredEvent<LedgerEvent> event) {
            return state;
        }

        @Override
        public void handle(Long state, Decision<Peek, LedgerEvent> decision) {
            seen.set(decision.execution());
        }
    }
}
