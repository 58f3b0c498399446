package org.eventcore.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * One stream as read: its version and its events in version order: all of them (versions 1..n), or,
 * read by {@link StreamReader#readAfter}, those after the version the reader asked for.
 *
 * @param streamId the stream
 * @param version the stream's version when read ({@link StreamVersion#NONE} if it has no event)
 * @param events the events in version order up to {@code version}: versions 1..{@code version}, or
 *     from the version after the one asked for by {@link StreamReader#readAfter}; copied, unless the store hands over an
 *     {@link ImmutableEventList}
 */
public record StreamRead(StreamId streamId, StreamVersion version, List<StoredEvent<Object>> events) {

    public StreamRead {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(version, "version");
        // a store's immutable snapshot is shared: copying it made every read as slow as the stream is long
        events = events instanceof ImmutableEventList ? events : List.copyOf(events);
    }

    /**
     * The whole reads of {@code whole} cut to the events after the versions of {@code after}, one entry
     * per stream of {@code after} in its order: how a store without a read of its own answers
     * {@link StreamReader#readAfter}.
     *
     * @throws IllegalArgumentException if {@code whole} lacks a stream of {@code after}
     */
    public static Map<StreamId, StreamRead> after(Map<StreamId, StreamRead> whole, Map<StreamId, StreamVersion> after) {
        Map<StreamId, StreamRead> cut = new LinkedHashMap<>();
        for (Map.Entry<StreamId, StreamVersion> e : after.entrySet()) {
            StreamRead read = whole.get(e.getKey());
            if (read == null) {
                throw new IllegalArgumentException("the read lacks stream " + e.getKey());
            }
            cut.put(e.getKey(), read.after(e.getValue()));
        }
        return cut;
    }

    /**
     * This read without the events up to {@code version}: the events after it (none if the stream is
     * not past it), with this read's version.
     */
    public StreamRead after(StreamVersion version) {
        long skip = Math.min(version.value(), events.size());
        if (skip <= 0) {
            return this;
        }
        // the events are versions 1..n, so the first to keep is at index "version"
        return new StreamRead(streamId, this.version, events.subList((int) skip, events.size()));
    }

    /** A stream that has no event yet. */
    public static StreamRead empty(StreamId streamId) {
        return new StreamRead(streamId, StreamVersion.NONE, List.of());
    }
}
