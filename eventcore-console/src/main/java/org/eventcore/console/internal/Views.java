package org.eventcore.console.internal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eventcore.StoredEvent;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogPage;
import org.eventcore.spi.LoggedEvent;

/**
 * Events as the console's JSON. Every text goes out as a JSON string, whatever it holds; the page shows it as
 * text. A payload or metadata that cannot be read is shown as stored, with the reason beside it.
 */
public final class Views {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private Views() {}

    /** An event in a list: ids, place, type, time; no payload. */
    public static JsonObjectBuilder summary(LoggedEvent e) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("position", e.position().encode())
                .add("eventId", e.eventId())
                .add("streamId", e.streamId())
                .add("version", e.streamVersion())
                .add("type", e.eventType())
                .add("revision", e.typeRevision())
                .add("recordedAt", e.recordedAt().toString())
                .add("commandId", e.commandId())
                .add("correlationId", e.correlationId());
        e.user().ifPresentOrElse(u -> b.add("user", u), () -> b.addNull("user"));
        return b;
    }

    public static JsonObject page(LogPage page) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        page.events().forEach(e -> events.add(summary(e)));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("events", events)
                .add("examined", page.examined())
                .add("examinedAll", page.examinedAll());
        page.next().ifPresentOrElse(n -> b.add("next", n.encode()), () -> b.addNull("next"));
        return b.build();
    }

    public static JsonArrayBuilder summaries(List<LoggedEvent> events) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        events.forEach(e -> list.add(summary(e)));
        return list;
    }

    /**
     * An event whole: its summary; the payload as stored (type, revision, text) and as the application reads it
     * now (upcast to the current revision) or why it cannot be read; the custom metadata parsed or as stored with
     * the reason; the other events of its command.
     */
    public static JsonObject detail(LoggedEvent e, LogBrowser browser, List<LoggedEvent> commandEvents) {
        JsonObjectBuilder b = summary(e);
        JsonObjectBuilder stored =
                Json.createObjectBuilder().add("type", e.eventType()).add("revision", e.typeRevision());
        e.storedPayload()
                .ifPresentOrElse(
                        bytes -> stored(stored, bytes),
                        () -> stored.add("format", "object")
                                .add("text", String.valueOf(e.payloadObject().orElseThrow())));
        b.add("stored", stored);
        JsonObjectBuilder current = Json.createObjectBuilder();
        try {
            StoredEvent<Object> read = browser.read(e);
            current.add("javaType", read.payload().getClass().getName());
            Optional<SerializedEvent> written = browser.written(read.payload());
            if (written.isPresent()) {
                current.add("type", written.get().type())
                        .add("revision", written.get().revision());
                text(current, written.get().data());
            } else {
                current.add("format", "object").add("text", String.valueOf(read.payload()));
            }
        } catch (RuntimeException unreadable) {
            current.add("error", String.valueOf(unreadable.getMessage()));
        }
        b.add("current", current);
        JsonObjectBuilder metadata = Json.createObjectBuilder().add("stored", e.customMetadata());
        try (JsonReader reader = Json.createReader(new StringReader(e.customMetadata()))) {
            JsonObject custom = reader.readObject();
            JsonArrayBuilder entries = Json.createArrayBuilder();
            custom.forEach((k, v) -> entries.add(Json.createObjectBuilder()
                    .add("key", k)
                    .add(
                            "value",
                            v.getValueType() == JsonValue.ValueType.STRING ? custom.getString(k) : v.toString())));
            metadata.add("entries", entries);
        } catch (RuntimeException unreadable) {
            metadata.add("error", "the custom metadata is not a JSON object: " + unreadable.getMessage());
        }
        b.add("metadata", metadata);
        b.add("commandEvents", summaries(commandEvents));
        return b.build();
    }

    /** {@code bytes} as text: pretty JSON when they are JSON, UTF-8 text, or base64 when not UTF-8. */
    static void text(JsonObjectBuilder b, byte[] bytes) {
        text(b, bytes, true);
    }

    /**
     * {@code bytes} exactly as stored: their UTF-8 text (JSON not re-formatted, so duplicate keys and escapes show as
     * they are), or base64 when not UTF-8; {@code format} says whether the text is JSON.
     */
    static void stored(JsonObjectBuilder b, byte[] bytes) {
        text(b, bytes, false);
    }

    private static void text(JsonObjectBuilder b, byte[] bytes, boolean pretty) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            b.add("format", "base64").add("text", Base64.getEncoder().encodeToString(bytes));
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!pretty) {
                b.add("format", "json").add("text", text);
                return;
            }
            StringWriter out = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(out)) {
                writer.write(value);
            }
            b.add("format", "json").add("text", out.toString().strip());
        } catch (RuntimeException notJson) {
            b.add("format", "text").add("text", text);
        }
    }
}
