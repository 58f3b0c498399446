package org.eventcore.execution;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eventcore.Command;
import org.eventcore.CommandId;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.EventCoreException;
import org.eventcore.ExecutionContext;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StoreFailureException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.StreamConflictException;
import org.eventcore.messages.ApiMessages;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.EventStore;

/** The one retry loop: every attempt in its own boundary, backoff between attempts. */
final class ExecutionLoop {

    private static final System.Logger LOG = System.getLogger(ExecutionLoop.class.getName());

    private final EventStore store;
    private final ExecutorSettings settings;
    /** The state cache, or null when the settings have none. */
    private final StateCache cache;

    public ExecutionLoop(EventStore store, ExecutorSettings settings) {
        this(store, settings, settings.stateCacheSize() > 0 ? new StateCache(settings.stateCacheSize()) : null);
    }

    private ExecutionLoop(EventStore store, ExecutorSettings settings, StateCache cache) {
        this.store = store;
        this.settings = settings;
        this.cache = cache;
    }

    /** A loop over the same store and state cache, with {@code boundary} around its attempts. */
    ExecutionLoop withBoundary(AttemptBoundary boundary) {
        return new ExecutionLoop(store, settings.withBoundary(boundary), cache);
    }

    /** The state cache's counts; all zero without a cache. */
    StateCacheStatistics cacheStatistics() {
        return cache == null ? new StateCacheStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0) : cache.statistics();
    }

    /** Empties the state cache. */
    void clearCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    public <C extends Command<C, S, E>, S, E> CommandResult<E> execute(C command, ExecutionOptions options) {
        @SuppressWarnings("unchecked")
        Class<C> type = (Class<C>) command.getClass();
        String typeName = type.getSimpleName();
        long started = System.nanoTime();
        CommandId commandId = options.commandId().orElseGet(CommandId::generate);
        RetryPolicy policy = options.retryPolicy().orElse(settings.retryPolicy());
        ExecutionListener listener = settings.listener();
        notify(() -> listener.started(commandId, typeName));
        CommandModel<C> model;
        try {
            model = CommandModel.of(type);
        } catch (RuntimeException e) {
            throw reported(listener, commandId, typeName, 0, e);
        }
        CommandAttempt<C, S, E> work = new CommandAttempt<>(
                store,
                settings,
                cache,
                model,
                command,
                new ExecutionContext(
                        type,
                        commandId,
                        options.correlationId().orElse(commandId.value()),
                        options.user(),
                        options.roles(),
                        options.metadata()));
        // A caller-supplied id may have been applied by an earlier call: look it up first.
        Next next = Next.first(options.commandId().isPresent());
        while (true) {
            Next current = next;
            work.beginAttempt();
            notify(() -> listener.attemptStarted(commandId, typeName, current.number()));
            try {
                CommandResult<E> result = settings.boundary().execute(attempt -> {
                    CommandResult<E> appended = work.run(current.number(), current.lookUp(), current.lock());
                    attempt.afterCommit(work::committed);
                    if (!appended.events().isEmpty() && !appended.replayed()) {
                        // inside the attempt, before it commits: a failing listener rolls the attempt back
                        attempt.beforeCommit(() -> settings.appendListener().appended(appended));
                    }
                    return appended;
                });
                notify(() -> listener.attemptEnded(commandId, typeName, current.number(), Optional.empty()));
                work.snapshotIfDue(settings.boundary());
                notify(() -> listener.succeeded(result));
                return result;
            } catch (RuntimeException failure) {
                notify(() -> listener.attemptEnded(commandId, typeName, current.number(), Optional.of(failure)));
                if (failure instanceof StreamConflictException conflict) {
                    work.conflicted(conflict);
                }
                if (!(failure instanceof EventCoreException e)
                        || !e.isRetriable()
                        || e instanceof RetriesExhaustedException) {
                    throw reported(
                            listener,
                            commandId,
                            typeName,
                            current.number(),
                            stillUnknown(
                                    current.outcomeUnknown(), work, typeName, commandId, current.number(), failure));
                }
                next = current.after(e, work.foundNotStored());
                boolean unknown = next.outcomeUnknown();
                if (current.number() >= policy.maxAttempts()) {
                    throw reported(
                            listener,
                            commandId,
                            typeName,
                            current.number(),
                            new RetriesExhaustedException(typeName, commandId, current.number(), e, unknown));
                }
                Duration backoff = policy.delayBefore(next.number(), ThreadLocalRandom.current());
                long elapsed = System.nanoTime() - started;
                if (elapsed > policy.timeLimitNanos() - backoff.toNanos()) {
                    throw reported(
                            listener,
                            commandId,
                            typeName,
                            current.number(),
                            new RetriesExhaustedException(
                                    typeName,
                                    commandId,
                                    current.number(),
                                    e,
                                    Duration.ofNanos(elapsed),
                                    policy.timeLimit(),
                                    unknown));
                }
                notify(() -> listener.retrying(commandId, typeName, current.number(), e, backoff));
                if (!sleep(backoff)) {
                    throw reported(
                            listener,
                            commandId,
                            typeName,
                            current.number(),
                            new RetriesExhaustedException(typeName, commandId, current.number(), e, unknown));
                }
            }
        }
    }

    /**
     * How the next attempt runs, decided from the failures so far.
     *
     * @param number the attempt's number, from 1
     * @param lookUp whether it looks the command id up first: the caller supplied the id, or an earlier
     *     attempt failed transiently and may have committed
     * @param lock whether it reads the declared streams with their locks taken: an earlier attempt met a
     *     conflict, so waiting beats racing again
     * @param outcomeUnknown whether an earlier attempt's commit outcome was unknown and no attempt since
     *     found the command not stored
     */
    private record Next(int number, boolean lookUp, boolean lock, boolean outcomeUnknown) {

        static Next first(boolean callerSuppliedId) {
            return new Next(1, callerSuppliedId, false, false);
        }

        /** The attempt after this one failed with {@code failure}, a retriable one. */
        Next after(EventCoreException failure, boolean foundNotStored) {
            return new Next(
                    number + 1,
                    lookUp || failure instanceof StoreUnavailableException,
                    lock || failure instanceof StreamConflictException,
                    failure instanceof CommitOutcomeUnknownException || (outcomeUnknown && !foundNotStored));
        }
    }

    /**
     * The failure to throw when attempt {@code number} failed with {@code failure} that is not retried:
     * the failure itself, unless an earlier attempt's commit outcome was unknown and this attempt did not
     * find the command not stored. Then the command may be stored, and the caller learns so, with the
     * command id to execute it again with, from a {@link RetriesExhaustedException} whose
     * {@linkplain RetriesExhaustedException#outcomeUnknown() outcome is unknown}.
     */
    private static RuntimeException stillUnknown(
            boolean outcomeUnknown,
            CommandAttempt<?, ?, ?> work,
            String typeName,
            CommandId commandId,
            int number,
            RuntimeException failure) {
        if (!outcomeUnknown || work.foundNotStored() || failure instanceof RetriesExhaustedException) {
            return failure;
        }
        EventCoreException last = failure instanceof EventCoreException e
                ? e
                : new StoreFailureException(ApiMessages.attemptFailed(number, failure), failure);
        return new RetriesExhaustedException(typeName, commandId, number, last, true);
    }

    /** Tells the listener that the command failed in attempt {@code attempt}; returns the failure to throw. */
    private static <X extends RuntimeException> X reported(
            ExecutionListener listener, CommandId commandId, String typeName, int attempt, X failure) {
        notify(() -> listener.failed(commandId, typeName, attempt, failure));
        return failure;
    }

    /** Sleeps; returns false (interrupt flag kept) if interrupted. */
    private static boolean sleep(Duration backoff) {
        if (backoff.isZero()) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, ApiMessages.listenerFailed(), e);
        }
    }
}
