package org.eventcore;

import java.util.List;
import java.util.Objects;
import org.eventcore.messages.ApiMessages;

/**
 * The executor ran out of attempts: every attempt met a conflict or a transient store failure. The
 * message names the command, the number of attempts and the last failure (for a conflict: each
 * stale stream with expected and actual version), which is also the {@linkplain #getCause() cause}.
 * Nothing of the command was written, unless {@link #outcomeUnknown()} says it may have been.
 *
 * <p>Retriable: the contention or outage may be over later. Under steady contention on the same
 * streams, consider a larger {@code RetryPolicy} or a narrower consistency boundary.
 *
 * <p>When an attempt's commit outcome was unknown ({@link CommitOutcomeUnknownException}) and no later
 * attempt found out, {@link #outcomeUnknown()} is true and the message says so: that attempt may have
 * stored the command. This is also how the executor reports a failure it does not retry (its
 * {@linkplain #lastFailure() last failure}) when it comes after such an attempt, before any attempt
 * found the command not stored. Execute the command again with the same {@linkplain #commandId()
 * command id}: the executor then returns the stored result instead of applying it twice.
 *
 * <pre>{@code
 * try {
 *     executor.execute(command);
 * } catch (RetriesExhaustedException e) {
 *     if (e.outcomeUnknown()) {
 *         // later, when the database is back: stored once, whether the first execution stored it or not
 *         executor.execute(command, ExecutionOptions.DEFAULT.withCommandId(e.commandId()));
 *     }
 * }
 * }</pre>
 */
public final class RetriesExhaustedException extends EventCoreException {

    private final CommandId commandId;
    private final int attempts;
    private final EventCoreException lastFailure;
    private final boolean outcomeUnknown;

    /** Out of attempts; the outcome is unknown if the last failure is a {@link CommitOutcomeUnknownException}. */
    public RetriesExhaustedException(
            String commandType, CommandId commandId, int attempts, EventCoreException lastFailure) {
        this(commandType, commandId, attempts, lastFailure, lastFailure instanceof CommitOutcomeUnknownException);
    }

    /** Out of attempts; {@code outcomeUnknown}: an attempt may have stored the command. */
    public RetriesExhaustedException(
            String commandType,
            CommandId commandId,
            int attempts,
            EventCoreException lastFailure,
            boolean outcomeUnknown) {
        this(
                ApiMessages.retriesExhausted(
                        commandType,
                        String.valueOf(commandId),
                        attempts,
                        null,
                        null,
                        lastFailure.getMessage(),
                        outcomeUnknown),
                lastFailure,
                commandId,
                attempts,
                outcomeUnknown);
    }

    /**
     * The executor gave up because the retry policy's time limit ({@code timeLimit}) was reached after
     * {@code attempts} attempts in {@code elapsed}; {@code outcomeUnknown}: an attempt may have stored
     * the command.
     */
    public RetriesExhaustedException(
            String commandType,
            CommandId commandId,
            int attempts,
            EventCoreException lastFailure,
            java.time.Duration elapsed,
            java.time.Duration timeLimit,
            boolean outcomeUnknown) {
        this(
                ApiMessages.retriesExhausted(
                        commandType,
                        String.valueOf(commandId),
                        attempts,
                        Objects.requireNonNull(elapsed, "elapsed"),
                        Objects.requireNonNull(timeLimit, "timeLimit"),
                        lastFailure.getMessage(),
                        outcomeUnknown),
                lastFailure,
                commandId,
                attempts,
                outcomeUnknown);
    }

    private RetriesExhaustedException(
            String message, EventCoreException lastFailure, CommandId commandId, int attempts, boolean outcomeUnknown) {
        super(message, lastFailure);
        this.commandId = commandId;
        this.attempts = attempts;
        this.lastFailure = lastFailure;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * The id of the execution that gave up, also when the executor generated it: pass it to
     * {@link org.eventcore.execution.ExecutionOptions#withCommandId} to execute the command again
     * without applying it twice.
     */
    public CommandId commandId() {
        return commandId;
    }

    /**
     * Whether an attempt's commit outcome was unknown and no later attempt found out whether it was
     * stored: the command may be stored. Execute it again with the same command id to find out.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
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

    /** The tag queries of the last attempt's conflict, or an empty list if it failed for another reason. */
    public List<TagConflict> lastTagConflicts() {
        return lastFailure instanceof StreamConflictException c ? c.tagConflicts() : List.of();
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
