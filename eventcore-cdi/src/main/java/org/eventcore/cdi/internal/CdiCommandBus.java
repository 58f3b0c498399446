package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eventcore.Command;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StreamConflictException;
import org.eventcore.cdi.CommandBus;
import org.eventcore.cdi.ConflictInCallerTransactionException;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.spi.EventStore;

/** The {@link CommandBus} bean: the executor's one retry loop, one JTA transaction per attempt. */
@ApplicationScoped
public class CdiCommandBus implements CommandBus {

    private CommandExecutor ownTransactions;
    private CommandExecutor callerTransaction;
    private TransactionSynchronizationRegistry registry;

    /** For the container's proxy. */
    protected CdiCommandBus() {}

    @Inject
    CdiCommandBus(
            EventStore store,
            AttemptTransactions transactions,
            TransactionSynchronizationRegistry registry,
            Event<Object> events) {
        this.registry = registry;
        ExecutorSettings settings = ExecutorSettings.DEFAULT.withAppendListener(new InlineDispatcher(events));
        this.ownTransactions =
                CommandExecutor.create(store, settings.withBoundary(new JtaCdiBoundary(transactions, registry, false)));
        this.callerTransaction = CommandExecutor.create(
                store,
                settings.withBoundary(new JtaCdiBoundary(transactions, registry, true))
                        .withRetryPolicy(RetryPolicy.none()));
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command) {
        return execute(command, ExecutionOptions.DEFAULT);
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command, ExecutionOptions options) {
        if (registry.getTransactionKey() == null) {
            return ownTransactions.execute(command, options);
        }
        try {
            return callerTransaction.execute(command, options.withRetryPolicy(RetryPolicy.none()));
        } catch (RetriesExhaustedException e) {
            if (e.lastFailure() instanceof StreamConflictException conflict) {
                registry.setRollbackOnly();
                throw new ConflictInCallerTransactionException(
                        command.getClass().getSimpleName(), conflict.conflicts(), e);
            }
            throw e;
        }
    }
}
