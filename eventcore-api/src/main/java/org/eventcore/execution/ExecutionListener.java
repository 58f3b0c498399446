package org.eventcore.execution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;

/**
 * Observes command executions: the command, its attempts and appends, retries, outcomes. The SPI that
 * metrics, tracing and logs build on (EventCore's OpenTelemetry support among them). Every
 * method has an empty default; implement what you need. Methods are called on the executing thread
 * and must be fast and thread-safe; an exception thrown by a listener is logged and ignored.
 */
public interface ExecutionListener {

    /**
     * A command's execution begins, before its first attempt. The calls for one command come on the
     * executing thread, nested in this order: {@code started}, then per attempt {@link #attemptStarted},
     * {@link #eventMetadata} and {@link #appendStarted}/{@link #appendEnded} if it appends, and
     * {@link #attemptEnded}; then {@link #succeeded} or {@link #failed}. A tracing listener opens a span
     * in each start and closes it in the matching end.
     */
    default void started(CommandId commandId, String commandType) {}

    /** Attempt {@code attempt} (1 for the first) of a command begins. */
    default void attemptStarted(CommandId commandId, String commandType, int attempt) {}

    /**
     * Entries to add to the custom metadata of every event the current attempt writes, asked once per
     * attempt that emits events, inside the attempt: where a tracing listener stores the trace context
     * ({@code traceparent}) so that the work caused by the events links back to the command. The default
     * adds none. Entries must be valid {@link org.eventcore.EventMetadata} custom entries; entries of
     * the caller's own metadata with the same key win.
     */
    default Map<String, String> eventMetadata(CommandId commandId, String commandType) {
        return Map.of();
    }

    /** Attempt {@code attempt} appends {@code events} events to {@code streams} streams (checking all it read). */
    default void appendStarted(CommandId commandId, String commandType, int attempt, int streams, int events) {}

    /**
     * The append of attempt {@code attempt} ended after {@code took}: stored (not yet committed), or failed
     * with {@code failure} (a conflict among them).
     */
    default void appendEnded(
            CommandId commandId, String commandType, int attempt, Duration took, Optional<RuntimeException> failure) {}

    /**
     * Attempt {@code attempt} ended: committed, or failed with {@code failure} (retried if it is a
     * retriable one and attempts remain).
     */
    default void attemptEnded(
            CommandId commandId, String commandType, int attempt, Optional<RuntimeException> failure) {}

    /**
     * Attempt {@code attempt} failed with a retriable {@code cause}; the executor waits
     * {@code backoff} and tries again.
     */
    default void retrying(
            CommandId commandId, String commandType, int attempt, EventCoreException cause, Duration backoff) {}

    /** The command committed (or was found already applied). */
    default void succeeded(CommandResult<?> result) {}

    /**
     * The command failed for good after {@code attempts} attempts (0 when it was refused before its
     * first attempt, for example because its declarations are missing).
     */
    default void failed(CommandId commandId, String commandType, int attempts, RuntimeException cause) {}

    /** A listener that does nothing. */
    static ExecutionListener none() {
        return new ExecutionListener() {};
    }

    /**
     * A listener that calls each of {@code listeners} in order, each call of one isolated from the
     * others' failures (logged and ignored); their {@link #eventMetadata} entries are merged, the first
     * listener's winning on a key both give.
     */
    static ExecutionListener all(List<ExecutionListener> listeners) {
        return new CompositeListener(List.copyOf(listeners));
    }
}
