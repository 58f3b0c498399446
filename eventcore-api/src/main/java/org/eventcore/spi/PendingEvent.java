package org.eventcore.spi;

import java.util.Objects;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;

/**
 * An event about to be appended: it has an id, a stream and metadata, but no version or position
 * yet.
 *
 * @param id the event's id
 * @param streamId the stream to append to
 * @param payload the domain event
 * @param metadata the event's metadata
 */
public record PendingEvent(EventId id, StreamId streamId, Object payload, EventMetadata metadata) {

    public PendingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
    }
}
