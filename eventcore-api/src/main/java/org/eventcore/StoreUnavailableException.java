package org.eventcore;

/**
 * The event store could not be reached or failed transiently (connection lost, database restarting,
 * timeout, serialization failure in the database). Transient: the executor retries it under its
 * policy, checking first whether the failed attempt did commit (see {@link CommandId}).
 */
public class StoreUnavailableException extends EventCoreException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
