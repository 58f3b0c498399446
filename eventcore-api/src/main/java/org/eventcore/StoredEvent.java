package org.eventcore;

import java.util.Objects;
import org.eventcore.messages.ApiMessages;

/**
 * An event as stored: its payload with its identity, its place in its stream and in the global log,
 * and its metadata.
 *
 * <p>Immutable and thread-safe if the payload is (event payloads should be records of immutable
 * values). No component is null.
 *
 * @param <E> the payload type
 * @param id the event's id
 * @param streamId the stream the event belongs to
 * @param version the event's version in its stream (1 for the first event)
 * @param position the event's position in the global log
 * @param payload the domain event
 * @param metadata correlation, causation, user, time and custom entries
 */
public record StoredEvent<E>(
        EventId id,
        StreamId streamId,
        StreamVersion version,
        GlobalPosition position,
        E payload,
        EventMetadata metadata) {

    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        if (version.isNone()) {
            throw new IllegalArgumentException(ApiMessages.storedEventWithoutVersion(id.toString()));
        }
    }
}
