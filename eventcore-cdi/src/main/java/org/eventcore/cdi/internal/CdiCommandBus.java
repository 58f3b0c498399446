package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eventcore.Command;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StreamConflictException;
import org.eventcore.cdi.CommandBus;
import org.eventcore.cdi.ConflictInCallerTransactionException;
import org.eventcore.cdi.messages.CdiMessages;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.execution.Snapshots;
import org.eventcore.execution.StateCacheStatistics;
import org.eventcore.spi.EventStore;

/** The {@link CommandBus} bean: the executor's one retry loop, one JTA transaction per attempt. */
@ApplicationScoped
public class CdiCommandBus implements CommandBus {

    private CommandExecutor ownTransactions;
    private CommandExecutor callerTransaction;
    private TransactionSynchronizationRegistry registry;
    private RetryPolicy defaultPolicy;
    private CallerIdentity caller;
    private java.util.function.Consumer<Object> validation;
    /** Closes the state cache's metrics. */
    private AutoCloseable cacheMetrics = () -> {};

    /** The bus as the container hands it out, with the application's decorators around it. */
    private Instance<CommandBus> self;

    @Inject
    EventCoreExecutors executors;

    /** The policy of each command type: its {@code @CommandRetry} (checked at deployment) or the default. */
    private final ClassValue<RetryPolicy> policies = new ClassValue<>() {
        @Override
        protected RetryPolicy computeValue(Class<?> type) {
            try {
                return CommandRetries.declaredBy(type).orElse(defaultPolicy);
            } catch (IllegalArgumentException e) {
                // a command outside the bean archives, which the deployment check did not see
                throw new org.eventcore.CommandDefinitionException(
                        CdiMessages.invalidCommandRetry(type.getName(), e.getMessage()), e);
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
            Instance<Snapshots> snapshots,
            Instance<CommandBus> self,
            Instance<Object> beans,
            EventCoreExtension extension) {
        this.self = self;
        TransactionSynchronizationRegistry registry = JtaRegistry.resolve(registryBean);
        this.registry = registry;
        if (retryPolicy.isAmbiguous()) {
            throw new IllegalStateException(CdiMessages.severalRetryPolicies());
        }
        this.defaultPolicy = retryPolicy.isResolvable() ? retryPolicy.get() : RetryPolicy.DEFAULT;
        this.caller = new CallerIdentity(principal, extension.declaredRoles());
        this.validation = CommandValidation.resolve(CdiCommandBus.class.getClassLoader());
        ExecutorSettings settings = ExecutorSettings.DEFAULT
                .withAppendListener(new InlineDispatcher(
                        events, registry, extension.observesEnvelopes() ? Envelopes.firing(events) : null))
                .withStateCacheSize(StateCacheConfig.size())
                .withListener(Telemetry.resolve(beans, CdiCommandBus.class.getClassLoader()));
        if (snapshots.isAmbiguous()) {
            throw new IllegalStateException(CdiMessages.severalSnapshots());
        }
        if (snapshots.isResolvable()) {
            settings = settings.withSnapshots(snapshots.get());
        }
        this.ownTransactions = CommandExecutor.create(store, settings.withBoundary(new JtaCdiBoundary(transactions)));
        // one state cache for both: an entry of a command in the caller's transaction is stored when that commits
        this.callerTransaction = ownTransactions.withBoundary(new CallerTransactionBoundary(registry));
        this.cacheMetrics = Telemetry.observeStateCache(
                ownTransactions::stateCacheStatistics, beans, CdiCommandBus.class.getClassLoader());
    }

    /** Stops reporting the state cache's counts. */
    @jakarta.annotation.PreDestroy
    void close() {
        try {
            cacheMetrics.close();
        } catch (Exception e) {
            System.getLogger(CdiCommandBus.class.getName())
                    .log(System.Logger.Level.DEBUG, "closing the state cache's metrics failed", e);
        }
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CompletionStage<CommandResult<E>> executeAsync(
            C command, ExecutionOptions options) {
        Executor runOn = executors.require("executeAsync needs");
        ExecutionOptions withCaller = withCaller(options);
        return CompletableFuture.supplyAsync(
                () -> {
                    validate(command);
                    return ownTransactions(command, withCaller);
                },
                runOn);
    }

    private <C extends Command<C, S, E>, S, E> CommandResult<E> ownTransactions(C command, ExecutionOptions options) {
        return ownTransactions.execute(command, withPolicy(command, options, false));
    }

    /**
     * The one place the retry policy of an execution is decided. In the caller's transaction there is
     * none: the executor cannot roll the caller's transaction back to try again, so a conflict rolls
     * it back and reaches the caller. Otherwise the policy the caller passed, else the command's
     * {@code @CommandRetry}, else the application's {@code RetryPolicy} bean (or the default).
     */
    private ExecutionOptions withPolicy(
            Command<?, ?, ?> command, ExecutionOptions options, boolean inCallerTransaction) {
        if (inCallerTransaction) {
            return options.withRetryPolicy(RetryPolicy.none());
        }
        return options.retryPolicy().isPresent() ? options : options.withRetryPolicy(policies.get(command.getClass()));
    }

    /**
     * Through the container's reference, so that the application's decorators of the two-argument form
     * (the one to decorate) see this call as well.
     */
    @Override
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command) {
        return self.get().execute(command, ExecutionOptions.DEFAULT);
    }

    /** Through the container's reference, as {@link #execute(Command)}. */
    @Override
    public <C extends Command<C, S, E>, S, E> CompletionStage<CommandResult<E>> executeAsync(C command) {
        return self.get().executeAsync(command, ExecutionOptions.DEFAULT);
    }

    @Override
    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command, ExecutionOptions options) {
        validate(command);
        ExecutionOptions effective = withCaller(options);
        if (registry.getTransactionKey() == null) {
            return ownTransactions(command, effective);
        }
        try {
            return callerTransaction.execute(command, withPolicy(command, effective, true));
        } catch (RetriesExhaustedException e) {
            if (e.lastFailure() instanceof StreamConflictException conflict) {
                registry.setRollbackOnly();
                throw new ConflictInCallerTransactionException(
                        command.getClass().getSimpleName(), conflict.conflicts(), conflict.tagConflicts(), e);
            }
            throw e;
        }
    }

    /**
     * Bean Validation of the command before its first attempt, where the application has it: a violation
     * is an {@link org.eventcore.cdi.InvalidCommandException} (EC2062), never retried.
     */
    private void validate(Command<?, ?, ?> command) {
        if (command != null) {
            validation.accept(command);
        }
    }

    @Override
    public StateCacheStatistics stateCacheStatistics() {
        return ownTransactions.stateCacheStatistics();
    }

    /**
     * Records the container's caller principal as the user and its declared roles; request data never
     * sets them (EC2013 and EC2014 when they cannot be read).
     */
    private ExecutionOptions withCaller(ExecutionOptions options) {
        return caller.apply(options);
    }
}
