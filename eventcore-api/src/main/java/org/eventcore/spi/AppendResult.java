package org.eventcore.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * What an append stored.
 *
 * @param events the stored events, in request order
 * @param streamVersions the new version of every written stream
 * @param lastPosition the global position of the last stored event
 */
public record AppendResult(
        List<StoredEvent<Object>> events, Map<StreamId, StreamVersion> streamVersions, GlobalPosition lastPosition) {

    public AppendResult {
        events = List.copyOf(events);
        streamVersions = streamVersions.size() == 1
                ? Map.copyOf(streamVersions)
                : Collections.unmodifiableMap(new LinkedHashMap<>(streamVersions));
        java.util.Objects.requireNonNull(lastPosition, "lastPosition");
    }

    /** Builds the result of an append from its stored events. */
    public static AppendResult of(List<StoredEvent<Object>> events) {
        if (events.size() == 1) {
            StoredEvent<Object> e = events.get(0);
            return new AppendResult(events, Map.of(e.streamId(), e.version()), e.position());
        }
        Map<StreamId, StreamVersion> versions = new LinkedHashMap<>();
        GlobalPosition last = GlobalPosition.start();
        for (StoredEvent<Object> e : events) {
            versions.merge(e.streamId(), e.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (e.position().compareTo(last) > 0) {
                last = e.position();
            }
        }
        return new AppendResult(events, versions, last);
    }
}
