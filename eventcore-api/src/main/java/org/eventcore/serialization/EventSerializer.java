package org.eventcore.serialization;

/**
 * Turns event payloads into stored form and back. Type names come from an
 * {@link EventTypeRegistry}, never from Java class names, and nothing is loaded by a name read from
 * storage. Implementations are thread-safe.
 */
public interface EventSerializer {

    /**
     * @throws UnknownEventTypeException if the payload's class is not registered
     * @throws org.eventcore.EventSerializationException if it cannot be serialized or is too large
     */
    SerializedEvent serialize(Object payload);

    /**
     * @throws UnknownEventTypeException if the type name is not registered
     * @throws org.eventcore.EventSerializationException if the bytes are corrupt
     */
    Object deserialize(SerializedEvent event);
}
