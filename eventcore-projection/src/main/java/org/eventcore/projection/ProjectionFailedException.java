package org.eventcore.projection;

import org.eventcore.EventCoreException;
import org.eventcore.StoredEvent;
import org.eventcore.projection.messages.ProjectionMessages;

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
                ProjectionMessages.handlerFailedProjectionStopped(
                        projection,
                        event.id().toString(),
                        event.payload().getClass().getName(),
                        event.position().toString(),
                        event.streamId().toString(),
                        describe(cause)),
                cause);
    }

    /** The standard error for {@code projection} stopping on a permanent failure outside its handler. */
    public static ProjectionFailedException storeFailed(String projection, Throwable cause) {
        return new ProjectionFailedException(ProjectionMessages.projectionStopped(projection, describe(cause)), cause);
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
