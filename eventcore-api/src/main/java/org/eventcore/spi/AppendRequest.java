package org.eventcore.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eventcore.CommandId;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * The events of one command execution, with the version of every stream the command read.
 *
 * @param commandId the command execution's id, unique in the store
 * @param expectedVersions every stream read (written or not) with the version read
 * @param events the events to append, in order; each names one stream of {@code expectedVersions}
 */
public record AppendRequest(
        CommandId commandId, Map<StreamId, StreamVersion> expectedVersions, List<PendingEvent> events) {

    /**
     * @throws IllegalArgumentException if there is no event, or an event's stream has no expected
     *     version
     */
    public AppendRequest {
        Objects.requireNonNull(commandId, "commandId");
        expectedVersions = Collections.unmodifiableMap(new LinkedHashMap<>(expectedVersions));
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("EC1010 An append request needs at least one event");
        }
        for (PendingEvent e : events) {
            if (!expectedVersions.containsKey(e.streamId())) {
                throw new IllegalArgumentException("EC1010 Event " + e.id() + " is for stream " + e.streamId()
                        + ", which has no expected version in the request; every written stream must have been read");
            }
        }
    }
}
