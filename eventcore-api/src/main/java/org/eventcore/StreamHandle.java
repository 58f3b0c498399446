package org.eventcore;

import java.util.Objects;

/**
 * A stream of command {@code C} that {@code C} may write to. The type parameter ties the handle to
 * its command, so {@link Decision#emit} of command {@code C} accepts only handles of {@code C}: a
 * raw {@link StreamId} or another command's handle does not compile.
 *
 * <p>Handles come from two places: the command's declarations class ({@code <CommandName>Streams},
 * one accessor per {@link Stream} member) and {@link Decision#stream(StreamId)} for streams the
 * command discovered at run time. There is no public constructor; only
 * {@link StreamDeclarations} subclasses can make handles. The executor checks every write against
 * the streams it read as well, so a handle made up by other means is refused at run time
 * (invariant I6).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <C> the command type
 */
public final class StreamHandle<C> {

    private final Class<C> commandType;
    private final StreamId id;

    StreamHandle(Class<C> commandType, StreamId id) {
        this.commandType = Objects.requireNonNull(commandType, "commandType");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The stream. */
    public StreamId id() {
        return id;
    }

    /** The command this handle belongs to. */
    public Class<C> commandType() {
        return commandType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamHandle<?> h && h.commandType == commandType && h.id.equals(id);
    }

    @Override
    public int hashCode() {
        return commandType.hashCode() * 31 + id.hashCode();
    }

    @Override
    public String toString() {
        return id + " of " + commandType.getSimpleName();
    }
}
