package org.eventcore.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eventcore.Command;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.PendingEvent;

/**
 * Given/when/then tests for commands, against a fresh in-memory store, reading like the business
 * rule:
 *
 * <pre>{@code
 * CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(10)))
 *         .and(bob, new AccountOpened("Bob"))
 *         .when(new TransferMoney(alice, bob, euros(30)))
 *         .thenRejectedWith("insufficient funds");
 *
 * CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(50)))
 *         .and(bob, new AccountOpened("Bob"))
 *         .when(new TransferMoney(alice, bob, euros(30)))
 *         .thenEmitted(alice, new MoneyWithdrawn(euros(30)))
 *         .thenEmitted(bob, new MoneyDeposited(euros(30)));
 * }</pre>
 *
 * <p>The command runs through the real {@link CommandExecutor} (declarations, discovery, the
 * append), with no retry, for no user unless {@link #as} names one. Not thread-safe; make one per
 * test.
 */
public final class CommandScenario {

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private final List<PendingEvent> history = new ArrayList<>();
    private org.eventcore.execution.ExecutionOptions options = org.eventcore.execution.ExecutionOptions.DEFAULT;

    private CommandScenario() {}

    /** Starts with no events at all. */
    public static CommandScenario givenNothing() {
        return new CommandScenario();
    }

    /** Starts with {@code events} in {@code stream}, in order. */
    public static CommandScenario given(StreamId stream, Object... events) {
        return new CommandScenario().and(stream, events);
    }

    /** Adds {@code events} to {@code stream}, after everything given before. */
    public CommandScenario and(StreamId stream, Object... events) {
        Objects.requireNonNull(stream, "stream");
        CommandId setup = CommandId.generate();
        for (Object event : events) {
            history.add(new PendingEvent(
                    EventId.generate(),
                    stream,
                    Objects.requireNonNull(event, "event"),
                    EventMetadata.of("given-" + setup, setup, java.time.Instant.now())));
        }
        return this;
    }

    /**
     * Starts with {@code events} in {@code stream} in their stored form, as an older release of the
     * application wrote them; see {@link #andStored}.
     */
    public static CommandScenario givenStored(StreamId stream, EventSerializer serializer, SerializedEvent... events) {
        return new CommandScenario().andStored(stream, serializer, events);
    }

    /**
     * Adds {@code events} to {@code stream} in their stored form (type name, revision, bytes), after
     * everything given before. Each is read through {@code serializer}, and so through the upcasters of
     * its registry, as a store reads it: the command sees what it would see in production over rows an
     * older release wrote.
     *
     * <pre>{@code
     * CommandScenario.givenStored(alice, serializer,
     *                 SerializedEvent.of("banking.MoneyDeposited", 1, "{\"cents\":1000}".getBytes(UTF_8)))
     *         .when(new WithdrawMoney(alice, euros(5)))
     *         .thenEmitted(alice, new MoneyWithdrawn(euros(5)));
     * }</pre>
     *
     * @throws org.eventcore.EventSerializationException if an event cannot be read (unknown type, a
     *     revision newer than the registry reads, an upcaster failing): the same error production gives
     */
    public CommandScenario andStored(StreamId stream, EventSerializer serializer, SerializedEvent... events) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(serializer, "serializer");
        CommandId setup = CommandId.generate();
        for (SerializedEvent event : events) {
            EventMetadata metadata = EventMetadata.of("given-" + setup, setup, java.time.Instant.now());
            Object payload = serializer.deserialize(Objects.requireNonNull(event, "event"), metadata);
            history.add(new PendingEvent(EventId.generate(), stream, payload, metadata));
        }
        return this;
    }

    /**
     * Runs the command for the authenticated {@code user} in {@code roles}, which it sees through
     * {@code decision.execution()}; without this the command runs for no user.
     */
    public CommandScenario as(String user, String... roles) {
        options = options.withUser(Objects.requireNonNull(user, "user")).withRoles(java.util.Set.of(roles));
        return this;
    }

    /** Runs {@code command} once against the given history. */
    public <C extends Command<C, S, E>, S, E> ScenarioOutcome<E> when(C command) {
        storeHistory();
        CommandExecutor executor =
                CommandExecutor.create(store, ExecutorSettings.DEFAULT.withRetryPolicy(RetryPolicy.none()));
        try {
            return ScenarioOutcome.succeeded(command, executor.execute(command, options));
        } catch (RuntimeException e) {
            return ScenarioOutcome.failed(command, e);
        }
    }

    /** Stores each given event as its own append, so their order in the global log is as given. */
    private void storeHistory() {
        java.util.Map<StreamId, Long> versions = new java.util.HashMap<>();
        for (PendingEvent e : history) {
            long version = versions.getOrDefault(e.streamId(), 0L);
            store.append(new AppendRequest(
                    CommandId.generate(),
                    java.util.Map.of(e.streamId(), org.eventcore.StreamVersion.of(version)),
                    List.of(e)));
            versions.put(e.streamId(), version + 1);
        }
        history.clear();
    }

    /** The store behind the scenario, for further inspection. */
    public InMemoryEventStore store() {
        return store;
    }
}
