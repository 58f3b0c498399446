package org.eventcore.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.LoggedEvent;
import org.eventcore.spi.PendingEvent;
import org.junit.jupiter.api.Test;

class ViewsTest {

    @EventType(name = "test.Noted")
    public record Noted(String text) {}

    private static final String MARKUP = "<img src=x onerror=\"window.__xss=1\">";

    private static JsonObject text(byte[] bytes) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        Views.text(b, bytes);
        return b.build();
    }

    @Test
    void payloadTextIsPrettyJsonPlainTextOrBase64() {
        JsonObject json = text("{\"a\":[1,2],\"b\":\"<i>\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.getString("format")).isEqualTo("json");
        assertThat(json.getString("text")).contains("\n").contains("\"b\": \"<i>\"");
        JsonObject plain = text("not json <b>".getBytes(StandardCharsets.UTF_8));
        assertThat(plain.getString("format")).isEqualTo("text");
        assertThat(plain.getString("text")).isEqualTo("not json <b>");
        JsonObject binary = text(new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThat(binary.getString("format")).isEqualTo("base64");
        assertThat(binary.getString("text")).isEqualTo("//4A");
    }

    @Test
    void anEventWholeKeepsEveryTextAsItIsAndNamesWhatCannotBeRead() {
        InMemoryEventStore store = InMemoryEventStore.create(JsonbEventSerializer.create(
                EventTypeRegistry.builder().register(Noted.class).build()));
        CommandId command = CommandId.generate();
        StreamId stream = StreamId.of("note-" + MARKUP);
        store.append(new AppendRequest(
                command,
                Map.of(stream, StreamVersion.NONE),
                List.of(new PendingEvent(
                        EventId.generate(),
                        stream,
                        new Noted(MARKUP),
                        new EventMetadata(
                                "corr-" + MARKUP, command, Optional.of("u"), Instant.now(), Map.of("k", MARKUP))))));
        LoggedEvent e = store.command(command.value()).get(0);
        JsonObject detail = Views.detail(e, store, List.of(e));
        assertThat(detail.getString("streamId")).isEqualTo("note-" + MARKUP);
        assertThat(detail.getString("correlationId")).isEqualTo("corr-" + MARKUP);
        assertThat(detail.getJsonObject("current").getString("text")).contains(MARKUP.replace("\"", "\\\""));
        assertThat(detail.getJsonObject("stored").getString("format")).isEqualTo("json");
        assertThat(detail.getJsonObject("stored").getString("text"))
                .as("the stored form as stored, not re-formatted")
                .isEqualTo(new String(e.storedPayload().orElseThrow(), StandardCharsets.UTF_8));
        assertThat(detail.getJsonObject("metadata")
                        .getJsonArray("entries")
                        .getJsonObject(0)
                        .getString("value"))
                .isEqualTo(MARKUP);
        assertThat(detail.getJsonArray("commandEvents")).hasSize(1);

        LoggedEvent broken = new LoggedEvent(
                e.position(),
                e.eventId(),
                e.streamId(),
                e.streamVersion(),
                "test.Unknown" + MARKUP,
                1,
                Optional.of("{]".getBytes(StandardCharsets.UTF_8)),
                Optional.empty(),
                e.correlationId(),
                e.commandId(),
                e.user(),
                e.recordedAt(),
                "{not json " + MARKUP);
        JsonObject shown = Views.detail(broken, new ReadAsStored(store), List.of());
        assertThat(shown.getJsonObject("current").getString("error")).contains("cannot read");
        assertThat(shown.getJsonObject("stored").getString("text")).isEqualTo("{]");
        assertThat(shown.getJsonObject("metadata").getString("error")).contains("not a JSON object");
        assertThat(shown.getJsonObject("metadata").getString("stored")).isEqualTo("{not json " + MARKUP);
    }

    /** A browser that reads nothing: what a store does with a row it cannot read. */
    private record ReadAsStored(InMemoryEventStore store) implements org.eventcore.spi.LogBrowser {
        @Override
        public org.eventcore.spi.LogPage browse(org.eventcore.spi.LogQuery query) {
            return store.browse(query);
        }

        @Override
        public Optional<LoggedEvent> event(String eventId) {
            return store.event(eventId);
        }

        @Override
        public List<LoggedEvent> command(String commandId) {
            return store.command(commandId);
        }

        @Override
        public org.eventcore.StoredEvent<Object> read(LoggedEvent event) {
            throw new org.eventcore.EventSerializationException("cannot read " + event.eventType());
        }

        @Override
        public Optional<org.eventcore.serialization.SerializedEvent> written(Object payload) {
            return store.written(payload);
        }
    }
}
