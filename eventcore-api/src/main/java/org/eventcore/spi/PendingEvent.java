package org.eventcore.spi;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;
import org.eventcore.Tag;

/**
 * An event about to be appended: it has an id, a stream, metadata and maybe tags, but no version or
 * position yet.
 *
 * @param id the event's id
 * @param streamId the stream to append to
 * @param payload the domain event
 * @param metadata the event's metadata
 * @param tags the event's tags, in their order; empty for most events
 */
public record PendingEvent(EventId id, StreamId streamId, Object payload, EventMetadata metadata, Set<Tag> tags) {

    public PendingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        tags = tags == null || tags.isEmpty()
                ? Set.of()
                : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(new TreeSet<>(tags)));
    }

    /** An event without tags. */
    public PendingEvent(EventId id, StreamId streamId, Object payload, EventMetadata metadata) {
        this(id, streamId, payload, metadata, Set.of());
    }
}
