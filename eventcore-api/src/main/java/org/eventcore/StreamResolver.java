package org.eventcore;

import java.util.Collection;

/**
 * Adds streams a command discovers while running, from state it has already read (for example the
 * loyalty stream of the customer named in an order). Used in {@link Command#discover}.
 *
 * <p>After {@code discover} returns, the executor reads every added stream that it has not read yet,
 * folds the events of all streams again and calls {@code discover} again, until no new stream is
 * added; then it calls {@link Command#handle}. Discovered streams are part of the command's
 * consistency boundary exactly like declared ones. The number of rounds is bounded; a command that
 * keeps adding streams fails with {@link CommandDefinitionException}.
 *
 * <p>Not thread-safe; valid only during the call it is passed to.
 */
public interface StreamResolver {

    /** Adds one stream to the command's boundary. Adding a stream already read does nothing. */
    void add(StreamId stream);

    /** Adds several streams. */
    default void addAll(Collection<StreamId> streams) {
        streams.forEach(this::add);
    }
}
