package org.eventcore.spi;

import java.util.List;
import java.util.Objects;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * One stream as read: its version and its events in version order.
 *
 * @param streamId the stream
 * @param version the stream's version when read ({@link StreamVersion#NONE} if it has no event)
 * @param events the events, versions 1..{@code version}; copied, unless the store hands over an
 *     {@link ImmutableEventList}
 */
public record StreamRead(StreamId streamId, StreamVersion version, List<StoredEvent<Object>> events) {

    public StreamRead {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(version, "version");
        // a store's immutable snapshot is shared: copying it made every read as slow as the stream is long
        events = events instanceof ImmutableEventList ? events : List.copyOf(events);
    }

    /** A stream that has no event yet. */
    public static StreamRead empty(StreamId streamId) {
        return new StreamRead(streamId, StreamVersion.NONE, List.of());
    }
}
