package org.eventcore.spi;

import java.util.List;
import java.util.Objects;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.internal.AppendOnlyList;

/**
 * One stream as read: its version and its events in version order.
 *
 * @param streamId the stream
 * @param version the stream's version when read ({@link StreamVersion#NONE} if it has no event)
 * @param events the events, versions 1..{@code version}
 */
public record StreamRead(StreamId streamId, StreamVersion version, List<StoredEvent<Object>> events) {

    public StreamRead {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(version, "version");
        // the in-memory store's snapshots are immutable already: copying them made every read as slow
        // as the stream is long
        events = AppendOnlyList.isImmutableView(events) ? events : List.copyOf(events);
    }

    /** A stream that has no event yet. */
    public static StreamRead empty(StreamId streamId) {
        return new StreamRead(streamId, StreamVersion.NONE, List.of());
    }
}
