package org.eventcore.cdi;

import java.util.concurrent.CompletionStage;
import org.eventcore.Command;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;

/**
 * Executes commands in a Jakarta EE application: inject it and call {@link #execute}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Transfers {
 *     @Inject CommandBus commands;
 *
 *     public void transfer(StreamId from, StreamId to, Money amount) {
 *         commands.execute(new TransferMoney(from, to, amount));
 *     }
 * }
 * }</pre>
 *
 * <p>Outside a transaction, every attempt of the command runs in a JTA transaction of its own, and
 * conflicts are retried under the retry policy with a fresh transaction each time. Called inside a
 * caller's transaction (a {@code @Transactional} method, a container-managed EJB), the command joins
 * it: its events commit with the caller's work, but a conflict cannot be retried, so the caller's
 * transaction is marked for rollback and {@link ConflictInCallerTransactionException} says so.
 *
 * <p>Inline projections are CDI observers of the event payload types: they run inside the
 * command's transaction; {@code @Observes(during = AFTER_SUCCESS)} observers run after it commits,
 * once per committed command (an attempt that rolled back never reaches them). An observer can
 * inject {@link EventContext} for the event's envelope.
 *
 * <p>The application produces its {@link org.eventcore.spi.EventStore} bean (it knows its
 * persistence unit); without one the deployment fails (EC2001). Thread-safe.
 */
public interface CommandBus {

    /**
     * Executes {@code command} with generated ids: {@link #execute(Command, ExecutionOptions)} with
     * {@link ExecutionOptions#DEFAULT}, so a decorator of that method sees this call too.
     */
    default <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command) {
        return execute(command, ExecutionOptions.DEFAULT);
    }

    /** Executes {@code command} with the given command id, correlation id, metadata and retry policy. */
    <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command, ExecutionOptions options);

    /**
     * Executes {@code command} on the container's managed executor (or the application's
     * {@link EventCoreExecutor}), never on a thread of its own; always in transactions of its own,
     * so conflicts are retried. The caller's principal is taken when this method is called.
     *
     * @return completes with the result, or exceptionally with the command's failure
     */
    <C extends Command<C, S, E>, S, E> CompletionStage<CommandResult<E>> executeAsync(
            C command, ExecutionOptions options);

    /** {@link #executeAsync(Command, ExecutionOptions)} with generated ids. */
    default <C extends Command<C, S, E>, S, E> CompletionStage<CommandResult<E>> executeAsync(C command) {
        return executeAsync(command, ExecutionOptions.DEFAULT);
    }

    /**
     * The counts of the bus's state cache: hits, misses, refolds, snapshots and evictions of the
     * commands of {@link org.eventcore.CachedState @CachedState} types (its size: the property
     * {@code eventcore.state-cache.size}).
     */
    org.eventcore.execution.StateCacheStatistics stateCacheStatistics();
}
