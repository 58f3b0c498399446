package org.eventcore.execution;

import java.util.Objects;
import org.eventcore.Command;
import org.eventcore.spi.EventStore;

/**
 * Executes commands against an event store: reads the command's streams, folds, decides, and appends
 * all new events in one atomic write checked against every stream read, retrying conflicts and
 * transient failures under the {@link RetryPolicy}. Plain Java: usable without any container.
 *
 * <pre>{@code
 * CommandExecutor executor = CommandExecutor.create(InMemoryEventStore.create());
 * CommandResult<AccountEvent> result = executor.execute(new Deposit(alice, Money.euros(10)));
 * }</pre>
 *
 * <p>Outcomes: a {@link CommandResult} (also when an earlier execution with the same command id had
 * already committed: {@link CommandResult#replayed()}); {@link org.eventcore.CommandRejectedException}
 * from a business rule (never retried); {@link org.eventcore.RetriesExhaustedException} when the
 * attempts ran out, naming the last conflict; {@link org.eventcore.CommandDefinitionException} for a
 * wrongly declared command; other exceptions thrown by the command itself pass through unchanged.
 *
 * <p>Thread-safe: one executor serves any number of threads.
 */
public final class CommandExecutor {

    private final ExecutionLoop loop;
    private final ExecutorSettings settings;

    private CommandExecutor(EventStore store, ExecutorSettings settings) {
        this.settings = settings;
        this.loop = new ExecutionLoop(store, settings);
    }

    private CommandExecutor(ExecutionLoop loop, ExecutorSettings settings) {
        this.settings = settings;
        this.loop = loop;
    }

    /**
     * An executor over the same store, with this executor's settings but {@code boundary} around its
     * attempts, that shares this executor's state cache: for a container that runs some commands in
     * transactions of their own and others in the caller's transaction.
     */
    public CommandExecutor withBoundary(org.eventcore.spi.AttemptBoundary boundary) {
        Objects.requireNonNull(boundary, "boundary");
        return new CommandExecutor(loop.withBoundary(boundary), settings.withBoundary(boundary));
    }

    /** An executor with {@link ExecutorSettings#DEFAULT}. */
    public static CommandExecutor create(EventStore store) {
        return create(store, ExecutorSettings.DEFAULT);
    }

    /** An executor with the given settings. */
    public static CommandExecutor create(EventStore store, ExecutorSettings settings) {
        return new CommandExecutor(
                Objects.requireNonNull(store, "store"), Objects.requireNonNull(settings, "settings"));
    }

    /** Executes {@code command} with generated ids. */
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command) {
        return execute(command, ExecutionOptions.DEFAULT);
    }

    /** Executes {@code command} with the given ids, user, metadata and retry policy. */
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command, ExecutionOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        return loop.execute(command, options);
    }

    /**
     * Checks, without executing anything, that commands of {@code commandType} can be executed: it
     * is a command, its declarations class is found through its class loader and serves it. Meant for
     * containers, to fail a deployment early.
     *
     * @throws org.eventcore.CommandDefinitionException naming what is wrong and how to fix it
     */
    public static void checkDefinition(Class<?> commandType) {
        org.eventcore.execution.CommandModel.of(Objects.requireNonNull(commandType, "commandType"));
    }

    /**
     * The counts of this executor's state cache: hits, misses, refolds, snapshots and evictions; all
     * zero when it has none ({@link ExecutorSettings#stateCacheSize()} 0).
     */
    public StateCacheStatistics stateCacheStatistics() {
        return loop.cacheStatistics();
    }

    /**
     * Empties this executor's state cache: the next command of each cached type folds its streams from
     * their first event (or its snapshot). Needed only when events the cache holds were removed from
     * the store behind the application's back, as by restoring an older backup of the database.
     */
    public void clearStateCache() {
        loop.clearCache();
    }

    /** This executor's settings. */
    public ExecutorSettings settings() {
        return settings;
    }
}
