package org.eventcore.jsonb;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.Identifiers;
import org.eventcore.jsonb.messages.JsonbMessages;
import org.eventcore.messages.ApiMessages;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.EventUpcaster;
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
 * <p>Events stored in an older revision or under an older name go through the registry's upcasters
 * first ({@link JsonUpcaster}, on JSON-P's {@code JsonObject}); an event stored in its class's current
 * form is bound directly, without JSON-P.
 *
 * <p>Needs a JSON-B implementation at run time (a Jakarta EE server has one; in Java SE add for
 * example Yasson, which brings JSON-P's Parsson). Thread-safe.
 */
public final class JsonbEventSerializer implements EventSerializer {

    /** The default largest payload: 1 MiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

    private final EventTypeRegistry registry;
    private final Jsonb jsonb;
    private final int maxPayloadBytes;
    private final JsonProvider json;

    private JsonbEventSerializer(EventTypeRegistry registry, Jsonb jsonb, int maxPayloadBytes) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException(JsonbMessages.invalidMaxPayloadBytes(maxPayloadBytes));
        }
        this.maxPayloadBytes = maxPayloadBytes;
        for (EventUpcaster<?> step : registry.upcasters()) {
            if (!step.form().isAssignableFrom(JsonObject.class)) {
                throw new IllegalArgumentException(JsonbMessages.upcasterFormNotJson(
                        EventUpcaster.describe(step), step.form().getName()));
            }
        }
        // JSON-P only when there is something to upcast: the no-upcaster path needs no JSON-P at all
        this.json = registry.upcasters().isEmpty() ? null : JsonUpcaster.JSON;
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

    /** The registry's names of {@code type}: its registered name, then the earlier names upcasters read. */
    @Override
    public java.util.List<String> typeNames(Class<?> type) {
        return registry.namesOf(type);
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
    public Object deserialize(SerializedEvent event, EventMetadata metadata) {
        EventTypeRegistry.ReadPath path = registry.readPath(event.type(), event.revision());
        EventTypeRegistry.Entry entry = path.target();
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
        if (!path.steps().isEmpty()) {
            json = upcast(json, path, event, metadata);
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

    /** Runs the steps of {@code path} on the stored JSON; the JSON of the target class's revision. */
    @SuppressWarnings("unchecked")
    private String upcast(
            String stored, EventTypeRegistry.ReadPath path, SerializedEvent event, EventMetadata metadata) {
        JsonValue value;
        try (JsonReader reader = json.createReader(new StringReader(stored))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new EventSerializationException(
                    JsonbMessages.unreadableStoredEvent(
                            event.type(),
                            "(revision " + event.revision() + ") is not JSON, so its upcasters cannot read it: "
                                    + e.getMessage()),
                    e);
        }
        if (!(value instanceof JsonObject)) {
            throw new EventSerializationException(JsonbMessages.unreadableStoredEvent(
                    event.type(),
                    "(revision " + event.revision() + ") is JSON " + value.getValueType()
                            + ", not an object, so its upcasters cannot read it"));
        }
        Object payload = value;
        String type = event.type();
        int revision = event.revision();
        for (EventUpcaster<?> step : path.steps()) {
            Object next;
            try {
                next = ((EventUpcaster<Object>) step).upcast(payload, metadata);
            } catch (RuntimeException e) {
                throw new EventSerializationException(
                        ApiMessages.upcasterFailed(EventUpcaster.describe(step), type, revision, e.toString()), e);
            }
            if (!(next instanceof JsonObject)) {
                throw new EventSerializationException(ApiMessages.upcasterFailed(
                        EventUpcaster.describe(step),
                        type,
                        revision,
                        next == null
                                ? "it returned null"
                                : "it returned " + next.getClass().getName() + ", not a JsonObject"));
            }
            payload = next;
            type = step.targetType();
            revision = step.targetRevision();
        }
        StringWriter out = new StringWriter(stored.length() + 64);
        try (JsonWriter writer = json.createWriter(out)) {
            writer.writeObject((JsonObject) payload);
        }
        return out.toString();
    }
}
