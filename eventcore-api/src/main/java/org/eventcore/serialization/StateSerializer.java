package org.eventcore.serialization;

/**
 * Turns a command's state into bytes for a {@link org.eventcore.spi.Snapshot} and back. The JSON-B module has one
 * ({@code JsonbStateSerializer}).
 */
public interface StateSerializer {

    /**
     * The serialized form of {@code state}.
     *
     * @throws org.eventcore.EventSerializationException if it cannot be serialized
     */
    byte[] serialize(Object state);

    /**
     * The state of type {@code type} that {@code data} holds.
     *
     * @throws org.eventcore.EventSerializationException if {@code data} is not a valid state of that type
     */
    <S> S deserialize(byte[] data, Class<S> type);
}
