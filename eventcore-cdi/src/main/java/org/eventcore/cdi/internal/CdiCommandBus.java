package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eventcore.Command;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StreamConflictException;
import org.eventcore.cdi.CommandBus;
import org.eventcore.cdi.CommandRetry;
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
    private RetryPolicy defaultPolicy;
    private CallerIdentity caller;

    @Inject
    EventCoreExecutors executors;

    private final ClassValue<RetryPolicy> policies = new ClassValue<>() {
        @Override
        protected RetryPolicy computeValue(Class<?> type) {
            CommandRetry retry = type.getAnnotation(CommandRetry.class);
            if (retry == null) {
                return defaultPolicy;
            }
            try {
                return new RetryPolicy(
                        retry.maxAttempts(),
                        Duration.ofMillis(retry.baseDelayMillis()),
                        retry.multiplier(),
                        Duration.ofMillis(retry.maxDelayMillis()),
                        retry.jitter(),
                        Duration.ofMillis(retry.timeLimitMillis()));
            } catch (IllegalArgumentException e) {
                throw new org.eventcore.CommandDefinitionException(
                        "EC2011 @CommandRetry on " + type.getName() + " is invalid: " + e.getMessage(), e);
            }
        }
    };

    /** For the container's proxy. */
    protected CdiCommandBus() {}

    @Inject
    CdiCommandBus(
            EventStore store,
            AttemptTransactions transactions,
            Instance<TransactionSynchronizationRegistry> registryBean,
            Event<Object> events,
            Instance<RetryPolicy> retryPolicy,
            Instance<Principal> principal,
            EventCoreExtension extension) {
        TransactionSynchronizationRegistry registry = JtaRegistry.resolve(registryBean);
        this.registry = registry;
        if (retryPolicy.isAmbiguous()) {
            throw new IllegalStateException("EC2012 The application produces several RetryPolicy beans; keep one, the"
                    + " policy of every command without @CommandRetry");
        }
        this.defaultPolicy = retryPolicy.isResolvable() ? retryPolicy.get() : RetryPolicy.DEFAULT;
        this.caller = new CallerIdentity(principal, extension.declaredRoles());
        ExecutorSettings settings = ExecutorSettings.DEFAULT.withAppendListener(new InlineDispatcher(
                events, registry, extension.observesEnvelopes() ? Envelopes.firing(events) : null));
        this.ownTransactions =
                CommandExecutor.create(store, settings.withBoundary(new JtaCdiBoundary(transactions, registry, false)));
        this.callerTransaction = CommandExecutor.create(
                store,
                settings.withBoundary(new JtaCdiBoundary(transactions, registry, true))
                        .withRetryPolicy(RetryPolicy.none()));
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CompletionStage<CommandResult<E>> executeAsync(
            C command, ExecutionOptions options) {
        Executor runOn = executors.require("executeAsync needs");
        ExecutionOptions withCaller = withCaller(options);
        return CompletableFuture.supplyAsync(() -> ownTransactions(command, withCaller), runOn);
    }

    private <C extends Command<C, S, E>, S, E> CommandResult<E> ownTransactions(C command, ExecutionOptions options) {
        ExecutionOptions effective = options;
        if (effective.retryPolicy().isEmpty()) {
            effective = effective.withRetryPolicy(policies.get(command.getClass()));
        }
        return ownTransactions.execute(command, effective);
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command) {
        return execute(command, ExecutionOptions.DEFAULT);
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command, ExecutionOptions options) {
        ExecutionOptions effective = withCaller(options);
        if (registry.getTransactionKey() == null) {
            return ownTransactions(command, effective);
        }
        options = effective;
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

    /**
     * Records the container's caller principal as the user and its declared roles; request data never
     * sets them (EC2013 and EC2014 when they cannot be read).
     */
    private ExecutionOptions withCaller(ExecutionOptions options) {
        return caller.apply(options);
    }
}
