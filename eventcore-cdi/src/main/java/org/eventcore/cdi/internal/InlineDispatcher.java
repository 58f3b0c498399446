package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Event;
import org.eventcore.StoredEvent;
import org.eventcore.execution.AppendListener;
import org.eventcore.execution.CommandResult;

/**
 * Fires each appended event's payload as a CDI event inside the attempt's transaction:
 * in-transaction observers (inline projections) run now, {@code AFTER_SUCCESS} observers are
 * registered with the transaction and run only if it commits.
 */
final class InlineDispatcher implements AppendListener {

    private final Event<Object> events;

    InlineDispatcher(Event<Object> events) {
        this.events = events;
    }

    @Override
    public void appended(CommandResult<?> result) {
        for (StoredEvent<?> event : result.events()) {
            CurrentEvent.set(event);
            try {
                events.fire(event.payload());
            } finally {
                CurrentEvent.clear();
            }
        }
    }
}
