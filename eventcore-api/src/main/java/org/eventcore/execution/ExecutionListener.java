package org.eventcore.execution;

import java.time.Duration;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;

/**
 * Observes command executions: attempts, retries, outcomes. For metrics, tracing and logs. Every
 * method has an empty default; implement what you need. Methods are called on the executing thread
 * and must be fast and thread-safe; an exception thrown by a listener is logged and ignored.
 */
public interface ExecutionListener {

    /** Attempt {@code attempt} (1 for the first) of a command begins. */
    default void attemptStarted(CommandId commandId, String commandType, int attempt) {}

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
}
