package org.eventcore.serialization;

/**
 * Turns event payloads into stored form and back. Type names come from an
 * {@link EventTypeRegistry}, never from Java class names, and nothing is loaded by a name read from
 * storage. Implementations are thread-safe.
 *
 * <p>An implementation applies the {@linkplain EventUpcaster upcasters} of its registry when it reads:
 * it runs the steps of {@link EventTypeRegistry#readPath} on the payload in its own form, and refuses a
 * registry whose upcasters work on another form when it is created.
 */
public interface EventSerializer {

    /**
     * @throws UnknownEventTypeException if the payload's class is not registered
     * @throws org.eventcore.EventSerializationException if it cannot be serialized or is too large
     */
    SerializedEvent serialize(Object payload);

    /**
     * The payload of a stored event, in the form of its registered class: an event stored in an older
     * revision or under an older name is first taken through the registry's upcasters ({@link
     * EventTypeRegistry#readPath}), which may read {@code metadata}. Every read path of a store calls
     * this, so upcasters apply to commands' state, the global log and projections alike.
     *
     * @param event the stored type name, revision and bytes
     * @param metadata the stored event's metadata
     * @throws UnknownEventTypeException if the type name is not registered and no upcaster reads it
     * @throws org.eventcore.EventSerializationException if the bytes are corrupt, the revision is newer
     *     than this release reads, or an upcaster fails
     */
    Object deserialize(SerializedEvent event, org.eventcore.EventMetadata metadata);

    /**
     * Every name events of {@code type} are stored under, the name it is written under first, then its
     * earlier names (see {@link EventTypeRegistry#namesOf}): what a store matches a {@link
     * org.eventcore.TagQuery}'s types against. The default cannot tell and throws.
     *
     * @throws UnknownEventTypeException if the class is not registered
     * @throws UnsupportedOperationException (EC1114) if this serializer cannot name types
     */
    default java.util.List<String> typeNames(Class<?> type) {
        throw new UnsupportedOperationException(org.eventcore.messages.ApiMessages.typeNamesUnsupported(
                getClass().getName(), type.getName()));
    }
}
