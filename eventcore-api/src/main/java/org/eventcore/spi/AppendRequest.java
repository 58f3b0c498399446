package org.eventcore.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eventcore.CommandId;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.messages.ApiMessages;

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
        // one stream, the common case: a compact immutable map; more: their order kept
        expectedVersions = expectedVersions.size() == 1
                ? Map.copyOf(expectedVersions)
                : Collections.unmodifiableMap(new LinkedHashMap<>(expectedVersions));
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException(ApiMessages.invalidAppendRequest(null, null));
        }
        for (PendingEvent e : events) {
            if (!expectedVersions.containsKey(e.streamId())) {
                throw new IllegalArgumentException(
                        ApiMessages.invalidAppendRequest(String.valueOf(e.id()), String.valueOf(e.streamId())));
            }
        }
    }
}
