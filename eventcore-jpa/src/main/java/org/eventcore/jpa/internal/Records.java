package org.eventcore.jpa.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.jpa.entity.EventRecord;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.spi.PendingEvent;

/** Turns pending events into rows and rows back into stored events. */
public final class Records {

    private Records() {}

    /** A row for {@code event}, already serialized, at the given place. */
    public static EventRecord toRecord(
            PendingEvent event, SerializedEvent serialized, long txId, long position, long version) {
        EventMetadata m = event.metadata();
        return new EventRecord(
                position,
                txId,
                event.id().toString(),
                event.streamId().value(),
                version,
                serialized.type(),
                serialized.revision(),
                serialized.data(),
                m.correlationId(),
                m.causationId().value(),
                m.user().orElse(null),
                storedTime(m.time()),
                MetadataJson.encode(m.custom()));
    }

    /**
     * {@code time} as the store keeps it: truncated to the microsecond, the precision of a PostgreSQL
     * and H2 {@code timestamp}. Truncated, not rounded by the database, so a time never moves into the
     * next millisecond (or second) on its way through the store.
     */
    public static OffsetDateTime storedTime(Instant time) {
        return OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Serializes the payload of {@code event}; errors name the event. */
    public static SerializedEvent serialize(EventSerializer serializer, PendingEvent event) {
        try {
            return serializer.serialize(event.payload());
        } catch (EventSerializationException e) {
            throw new EventSerializationException(
                    JpaMessages.eventNotStorable(
                            event.id().toString(), event.streamId().value(), e.getMessage()),
                    e);
        }
    }

    /**
     * The stored event of a row; a payload, metadata, event id or stream id that cannot be read names the
     * event, its type, stream and version.
     */
    public static StoredEvent<Object> toStored(EventRow r, EventSerializer serializer) {
        EventMetadata metadata;
        try {
            metadata = new EventMetadata(
                    r.correlationId(),
                    CommandId.of(r.causationId()),
                    Optional.ofNullable(r.userName()),
                    r.recordedAt().toInstant(),
                    MetadataJson.decode(r.customMetadata()));
        } catch (IllegalArgumentException e) {
            throw new EventSerializationException(
                    JpaMessages.storedMetadataUnreadable(
                            r.eventId(), r.eventType(), r.streamId(), r.streamVersion(), e.getMessage()),
                    e);
        }
        Object payload;
        try {
            // after the metadata: upcasters may read it
            payload =
                    serializer.deserialize(SerializedEvent.of(r.eventType(), r.typeRevision(), r.payload()), metadata);
        } catch (EventSerializationException e) {
            throw new EventSerializationException(
                    JpaMessages.storedEventUnreadable(
                            r.eventId(), r.eventType(), r.streamId(), r.streamVersion(), e.getMessage()),
                    e);
        }
        EventId id;
        StreamId stream;
        try {
            id = EventId.parse(r.eventId());
            stream = StreamId.of(r.streamId());
        } catch (IllegalArgumentException e) {
            // a row written around EventCore: its id or stream id is not one EventCore writes
            throw new EventSerializationException(
                    JpaMessages.storedEventUnreadable(
                            r.eventId(), r.eventType(), r.streamId(), r.streamVersion(), e.getMessage()),
                    e);
        }
        return new StoredEvent<>(
                id,
                stream,
                StreamVersion.of(r.streamVersion()),
                GlobalPosition.of(r.txId(), r.globalPosition()),
                payload,
                metadata);
    }
}
