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
 * @param conditions the tag queries the command read, each with the position of its read: the append
 *     fails if an event matching one of them was appended since; empty for commands without tag queries
 */
public record AppendRequest(
        CommandId commandId,
        Map<StreamId, StreamVersion> expectedVersions,
        List<PendingEvent> events,
        List<AppendCondition> conditions) {

    /** A request without tag conditions. */
    public AppendRequest(
            CommandId commandId, Map<StreamId, StreamVersion> expectedVersions, List<PendingEvent> events) {
        this(commandId, expectedVersions, events, List.of());
    }

    /** Whether any event carries tags or the request has conditions: only a {@link TagReader} store takes it. */
    public boolean usesTags() {
        if (!conditions.isEmpty()) {
            return true;
        }
        for (PendingEvent e : events) {
            if (!e.tags().isEmpty()) {
                return true;
            }
        }
        return false;
    }

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
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
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
