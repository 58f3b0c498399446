package org.eventcore;

import java.util.List;

/**
 * Collects the events a command decides to write, each tied to one of the command's streams. Passed
 * to {@link Command#handle}; the executor appends everything emitted in one atomic write.
 *
 * <pre>{@code
 * decision.emit(TransferMoneyStreams.from(this), new MoneyWithdrawn(amount));
 * decision.emit(TransferMoneyStreams.to(this), new MoneyDeposited(amount));
 * }</pre>
 *
 * <p>Several events may go to one stream; they get consecutive versions in the order emitted.
 *
 * <p>Not thread-safe; valid only during the {@code handle} call it is passed to.
 *
 * @param <C> the command type; only its own handles are accepted
 * @param <E> the command's event type
 */
public interface Decision<C, E> {

    /**
     * Appends {@code event} to {@code stream} when the command commits.
     *
     * @throws CommandDefinitionException if the stream was neither declared nor discovered by this
     *     command (a handle that was made up)
     */
    void emit(StreamHandle<C> stream, E event);

    /**
     * Appends {@code event} to {@code stream} when the command commits, carrying {@code tags}: the
     * event then matches the {@linkplain TagQuery tag queries} that name them. Tags are stored with the
     * event and never change. Duplicates count once.
     *
     * @throws CommandDefinitionException if the stream was neither declared nor discovered by this
     *     command
     * @throws InvalidTagException if a tag is null, or there are more than {@link #MAX_TAGS}
     */
    void emitTagged(StreamHandle<C> stream, E event, Tag... tags);

    /** The most tags one event may carry. */
    int MAX_TAGS = 16;

    /** Appends several events to one stream, in list order. */
    default void emitAll(StreamHandle<C> stream, List<? extends E> events) {
        for (E event : events) {
            emit(stream, event);
        }
    }

    /**
     * The handle of a stream this command read, for a stream it discovered at run time (declared
     * streams have accessors in the declarations class).
     *
     * @throws CommandDefinitionException if the command did not read {@code stream}: add it with
     *     {@link StreamResolver#add} in {@link Command#discover} first
     */
    StreamHandle<C> stream(StreamId stream);

    /**
     * The execution this decision is made in: command id, correlation id, the authenticated user and
     * roles, and custom metadata. Read-only; use it for rules about who may do what.
     */
    ExecutionContext execution();
}
