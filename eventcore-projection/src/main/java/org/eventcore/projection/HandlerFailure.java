package org.eventcore.projection;

import org.eventcore.Identifiers;
import org.eventcore.StoredEvent;

/** Carries a handler's failure and its event out of the batch's unit of work, which it rolls back. */
final class HandlerFailure extends RuntimeException {

    private final transient StoredEvent<Object> event;

    HandlerFailure(StoredEvent<Object> event, RuntimeException cause) {
        super("handler failed on event " + event.id(), cause, false, false);
        this.event = event;
    }

    StoredEvent<Object> event() {
        return event;
    }

    /** The failure, as the status shows it while retrying. */
    static String describe(String projection, StoredEvent<Object> event, Throwable cause) {
        return "EC1612 Projection " + Identifiers.quote(projection) + ": handler failed on event "
                + event.id() + " (" + event.payload().getClass().getName() + ") at position " + event.position()
                + ": " + cause.getClass().getName() + ": " + cause.getMessage();
    }
}
