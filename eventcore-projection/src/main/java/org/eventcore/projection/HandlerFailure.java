package org.eventcore.projection;

import org.eventcore.StoredEvent;
import org.eventcore.projection.messages.ProjectionMessages;

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
        return ProjectionMessages.handlerFailed(
                projection,
                event.id().toString(),
                event.payload().getClass().getName(),
                event.position().toString(),
                cause.getClass().getName() + ": " + cause.getMessage());
    }
}
