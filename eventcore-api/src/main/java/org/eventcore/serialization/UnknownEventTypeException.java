package org.eventcore.serialization;

import org.eventcore.EventSerializationException;

/**
 * An event type name read from storage, or an event class to be written, is not in the
 * {@link EventTypeRegistry}. Register the class (with its {@link EventType} name) when building the
 * registry. Permanent.
 */
public final class UnknownEventTypeException extends EventSerializationException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
