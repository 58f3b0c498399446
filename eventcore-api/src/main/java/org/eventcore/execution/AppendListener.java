package org.eventcore.execution;

/**
 * Takes part in the unit of work of each attempt: called inside the attempt, after the command's
 * events were appended and before the commit, on the executing thread. This is where inline
 * projections update their read model, so that it commits with the events or not at all. A listener
 * that throws rolls the attempt back: the command fails with that exception (it is retried only if
 * it is a retriable {@link org.eventcore.EventCoreException}).
 *
 * <p>With {@link org.eventcore.spi.AttemptBoundary#direct()} (the in-memory store) there is no
 * transaction to roll back: the events stay stored although the command reports the listener's
 * failure. Use a transactional boundary for inline projections.
 *
 * <p>Not called when the command wrote nothing, nor when an earlier execution with the same command
 * id had already stored its events ({@link CommandResult#replayed()}): those events were handled
 * when they were first stored. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AppendListener {

    /** The events of {@code result} were appended in the current, uncommitted attempt. */
    void appended(CommandResult<?> result);

    /** A listener that does nothing. */
    static AppendListener none() {
        return result -> {};
    }
}
