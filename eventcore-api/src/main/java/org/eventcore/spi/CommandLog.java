package org.eventcore.spi;

import java.util.List;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.StoredEvent;

/**
 * Finds what a command execution stored, by its command id. The executor uses it to recognise a
 * command whose earlier attempt did commit although the attempt failed (unknown outcome), so that
 * the command is not applied twice (invariant I8). Implementations are thread-safe.
 */
public interface CommandLog {

    /** The events stored by {@code commandId} in append order, or empty if it stored none. */
    Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId);
}
