package org.eventcore.projection;

import org.eventcore.EventCoreException;
import org.eventcore.Identifiers;
import org.eventcore.StoredEvent;

/**
 * A durable projection stopped: its handler failed under {@link ErrorPolicy#STOP}, or the store
 * failed permanently. The message names the projection and, for a handler failure, the event's id,
 * payload type and position; the {@linkplain #getCause() cause} is the original failure. Nothing of
 * the failed batch was committed. Not retriable: fix the handler or the store, then start the runner
 * again; it resumes from its checkpoint.
 */
public final class ProjectionFailedException extends EventCoreException {

    private ProjectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The standard error for {@code handler} failing on {@code event} in {@code projection}. */
    public static ProjectionFailedException handlerFailed(String projection, StoredEvent<?> event, Throwable cause) {
        return new ProjectionFailedException(
                "EC1610 Projection " + Identifiers.quote(projection)
                        + " stopped: its handler failed on event "
                        + event.id() + " (" + event.payload().getClass().getName() + ") at position "
                        + event.position() + " of stream " + event.streamId() + ": " + describe(cause),
                cause);
    }

    /** The standard error for {@code projection} stopping on a permanent failure outside its handler. */
    public static ProjectionFailedException storeFailed(String projection, Throwable cause) {
        return new ProjectionFailedException(
                "EC1611 Projection " + Identifiers.quote(projection) + " stopped on a failure that a retry"
                        + " cannot fix: " + describe(cause),
                cause);
    }

    /** {@code ExceptionClass: message}, as the status and the messages show a failure. */
    public static String describe(Throwable failure) {
        return failure.getClass().getName() + ": " + failure.getMessage();
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
