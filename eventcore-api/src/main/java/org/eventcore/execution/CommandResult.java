package org.eventcore.execution;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * What a successful command execution did.
 *
 * @param <E> the command's event type
 * @param commandId the execution's command id
 * @param events the events written, in order (empty if the command decided to write nothing)
 * @param streamVersions the version of every stream the command read, after its write
 * @param lastPosition the global position of the last event written, empty if none was written
 * @param attempts how many attempts it took, at least 1
 * @param replayed true if an earlier execution with the same command id had already stored these
 *     events, so this execution wrote nothing new (idempotent retry)
 */
public record CommandResult<E>(
        CommandId commandId,
        List<StoredEvent<E>> events,
        Map<StreamId, StreamVersion> streamVersions,
        Optional<GlobalPosition> lastPosition,
        int attempts,
        boolean replayed) {

    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        events = List.copyOf(events);
        streamVersions = Map.copyOf(streamVersions);
        Objects.requireNonNull(lastPosition, "lastPosition");
    }

    /** The version of {@code stream} after the command, if the command read it. */
    public Optional<StreamVersion> versionOf(StreamId stream) {
        return Optional.ofNullable(streamVersions.get(stream));
    }
}
