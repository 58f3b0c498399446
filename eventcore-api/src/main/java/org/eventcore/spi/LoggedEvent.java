package org.eventcore.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;

/**
 * An event as the store holds it, for people to look at (a console, an operator's tool): nothing in it
 * is parsed or checked, so that a row written around the store (by hand, by an old version, by an attack)
 * is still shown. Every text here may hold anything, markup included; show it as text.
 *
 * <p>Immutable, except for the array {@link #payload()} returns a copy of.
 *
 * @param position the event's place in the global log
 * @param eventId the event's id as stored
 * @param streamId the stream's id as stored
 * @param streamVersion the event's version in its stream
 * @param eventType the payload's type name as stored
 * @param typeRevision the payload type's revision as stored
 * @param storedPayload the payload's bytes as stored, empty when the store keeps objects (the in-memory
 *     store without a serializer)
 * @param payloadObject the payload object when the store keeps objects, else empty
 * @param correlationId the correlation id
 * @param commandId the id of the command that wrote it (its causation id)
 * @param user the user the command ran for, when known
 * @param recordedAt when the command ran
 * @param customMetadata the custom metadata as the store holds it: a JSON object's text
 */
public record LoggedEvent(
        GlobalPosition position,
        String eventId,
        String streamId,
        long streamVersion,
        String eventType,
        int typeRevision,
        Optional<byte[]> storedPayload,
        Optional<Object> payloadObject,
        String correlationId,
        String commandId,
        Optional<String> user,
        Instant recordedAt,
        String customMetadata) {

    public LoggedEvent {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(eventType, "eventType");
        storedPayload = storedPayload.map(byte[]::clone);
        Objects.requireNonNull(payloadObject, "payloadObject");
        if (storedPayload.isEmpty() == payloadObject.isEmpty()) {
            throw new IllegalArgumentException("a logged event has either its stored bytes or its payload object");
        }
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(customMetadata, "customMetadata");
    }

    /** A copy of the stored bytes, when the store keeps bytes. */
    @Override
    public Optional<byte[]> storedPayload() {
        return storedPayload.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoggedEvent e && position.equals(e.position) && eventId.equals(e.eventId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, eventId);
    }

    @Override
    public String toString() {
        return "LoggedEvent[" + position + ", " + eventId + ", " + streamId + "@" + streamVersion + ", " + eventType
                + "]";
    }
}
