package org.eventcore.sample.web;

import java.util.List;
import org.eventcore.StoredEvent;
import org.eventcore.execution.CommandResult;
import org.eventcore.sample.web.http.Positions;

/**
 * The answer to a command: its id, the global position it reached as an opaque token (pass it as
 * {@code after} to a read to see your own write), the attempts it took, and the events it stored with the user recorded on them.
 */
public record Executed(String commandId, String position, int attempts, List<EventView> events) {

    /** One stored event. */
    public record EventView(String stream, long version, String type, String user) {}

    public static Executed of(CommandResult<?> result) {
        return new Executed(
                result.commandId().value(),
                result.lastPosition().map(Positions::token).orElse(null),
                result.attempts(),
                result.events().stream().map(Executed::view).toList());
    }

    private static EventView view(StoredEvent<?> e) {
        return new EventView(
                e.streamId().value(),
                e.version().value(),
                e.payload().getClass().getSimpleName(),
                e.metadata().user().orElse(null));
    }
}
