package org.eventcore;

import java.util.List;

/**
 * The executor ran out of attempts: every attempt met a conflict or a transient store failure. The
 * message names the command, the number of attempts and the last failure (for a conflict: each
 * stale stream with expected and actual version), which is also the {@linkplain #getCause() cause}.
 * Nothing of the command was written.
 *
 * <p>Retriable: the contention or outage may be over later. Under steady contention on the same
 * streams, consider a larger {@code RetryPolicy} or a narrower consistency boundary.
 */
public final class RetriesExhaustedException extends EventCoreException {

    private final int attempts;
    private final EventCoreException lastFailure;

    public RetriesExhaustedException(
            String commandType, CommandId commandId, int attempts, EventCoreException lastFailure) {
        this(commandType, commandId, attempts, lastFailure, "");
    }

    /**
     * The executor gave up because the retry policy's time limit ({@code timeLimit}) was reached after
     * {@code attempts} attempts in {@code elapsed}.
     */
    public RetriesExhaustedException(
            String commandType,
            CommandId commandId,
            int attempts,
            EventCoreException lastFailure,
            java.time.Duration elapsed,
            java.time.Duration timeLimit) {
        this(
                commandType,
                commandId,
                attempts,
                lastFailure,
                " in " + elapsed.toMillis() + " ms, reaching the retry policy's time limit of " + timeLimit.toMillis()
                        + " ms");
    }

    private RetriesExhaustedException(
            String commandType, CommandId commandId, int attempts, EventCoreException lastFailure, String why) {
        super(
                "EC1300 Command " + commandType + " (id " + commandId + ") failed after " + attempts + " attempt"
                        + (attempts == 1 ? "" : "s") + why + "; last failure: " + lastFailure.getMessage(),
                lastFailure);
        this.attempts = attempts;
        this.lastFailure = lastFailure;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    /** The failure of the last attempt. */
    public EventCoreException lastFailure() {
        return lastFailure;
    }

    /** The stale streams of the last attempt, or an empty list if it failed for another reason. */
    public List<StreamConflict> lastConflicts() {
        return lastFailure instanceof StreamConflictException c ? c.conflicts() : List.of();
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
