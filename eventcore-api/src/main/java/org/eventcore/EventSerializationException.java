package org.eventcore;

/**
 * An event payload could not be serialized or read back: not serializable, larger than allowed,
 * corrupt in storage, or of a type name that is not registered. The message names the event type
 * and, when it exists, the event id. Permanent: running the command again does not help.
 */
public class EventSerializationException extends EventCoreException {

    public EventSerializationException(String message) {
        super(message);
    }

    public EventSerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
