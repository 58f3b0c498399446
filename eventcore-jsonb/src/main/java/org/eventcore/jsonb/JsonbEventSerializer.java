package org.eventcore.jsonb;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.EventSerializationException;
import org.eventcore.Identifiers;
import org.eventcore.jsonb.messages.JsonbMessages;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.SerializedEvent;

/**
 * The default {@link EventSerializer}: payloads as UTF-8 JSON through Jakarta JSON Binding, names
 * and revisions from an {@link EventTypeRegistry}. JSON-B binds only to the registered class, never
 * to a class named in the data. Payloads larger than {@link #maxPayloadBytes()} are refused when
 * written.
 *
 * <pre>{@code
 * EventSerializer json = JsonbEventSerializer.create(EventTypeRegistry.builder().registerSealed(AccountEvent.class).build());
 * }</pre>
 *
 * <p>Needs a JSON-B implementation at run time (a Jakarta EE server has one; in Java SE add for
 * example Yasson). Thread-safe.
 */
public final class JsonbEventSerializer implements EventSerializer {

    /** The default largest payload: 1 MiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

    private final EventTypeRegistry registry;
    private final Jsonb jsonb;
    private final int maxPayloadBytes;

    private JsonbEventSerializer(EventTypeRegistry registry, Jsonb jsonb, int maxPayloadBytes) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException(JsonbMessages.invalidMaxPayloadBytes(maxPayloadBytes));
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** A serializer with a default {@link Jsonb} and a 1 MiB payload limit. */
    public static JsonbEventSerializer create(EventTypeRegistry registry) {
        return new JsonbEventSerializer(registry, JsonbBuilder.create(), DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** A serializer with the given {@link Jsonb} (for your own adapters and settings). */
    public static JsonbEventSerializer create(EventTypeRegistry registry, Jsonb jsonb) {
        return new JsonbEventSerializer(registry, jsonb, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** A copy with another payload limit. */
    public JsonbEventSerializer withMaxPayloadBytes(int maxPayloadBytes) {
        return new JsonbEventSerializer(registry, jsonb, maxPayloadBytes);
    }

    /** The largest payload accepted, in bytes. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    @Override
    public SerializedEvent serialize(Object payload) {
        EventTypeRegistry.Entry entry = registry.entryOf(payload.getClass());
        String json;
        try {
            json = jsonb.toJson(payload);
        } catch (JsonbException | IllegalArgumentException e) {
            throw new EventSerializationException(
                    JsonbMessages.cannotSerialize(
                            entry.name(), payload.getClass().getName(), e.getMessage()),
                    e);
        }
        Optional<String> unpaired = Identifiers.unpairedSurrogate(json);
        if (unpaired.isPresent()) {
            // getBytes would silently store '?' in its place
            throw new EventSerializationException(JsonbMessages.invalidUnicode(entry.name(), unpaired.get()));
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxPayloadBytes) {
            throw new EventSerializationException(
                    JsonbMessages.payloadTooLarge(entry.name(), bytes.length, maxPayloadBytes));
        }
        return SerializedEvent.of(entry.name(), entry.revision(), bytes);
    }

    @Override
    public Object deserialize(SerializedEvent event) {
        EventTypeRegistry.Entry entry = registry.entryOf(event.type());
        if (event.revision() > entry.revision()) {
            throw new EventSerializationException(JsonbMessages.revisionTooNew(
                    event.type(),
                    event.revision(),
                    entry.revision(),
                    entry.type().getName()));
        }
        String json;
        try {
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(event.data()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new EventSerializationException(
                    JsonbMessages.unreadableStoredEvent(
                            event.type(),
                            "(revision " + event.revision() + ") is not valid UTF-8 JSON (" + e
                                    + "); the stored bytes were changed outside EventCore"),
                    e);
        }
        try {
            Object value = jsonb.fromJson(json, entry.type());
            if (value == null) {
                throw new EventSerializationException(
                        JsonbMessages.unreadableStoredEvent(event.type(), "is JSON null, not an event"));
            }
            return value;
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            throw new EventSerializationException(
                    JsonbMessages.unreadableStoredEvent(
                            event.type(),
                            "(revision " + event.revision() + ") cannot be read back as "
                                    + entry.type().getName() + ": " + e.getMessage()),
                    e);
        }
    }
}
