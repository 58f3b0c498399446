package org.eventcore.jsonb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eventcore.CommandId;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.EventUpcaster;
import org.eventcore.serialization.SerializedEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Upcasters on JSON: each kind of change (add, remove, rename and reshape fields, rename a type), a
 * chain of two steps, a step that reads the metadata, a read-ahead step, and every way a step or a
 * stored event can fail.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonUpcasterTest {

    public record Money(long cents, String currency) {}

    /** Revision 1 was "banking.MoneyDeposited" {"cents", "legacy"}; 2 had {"amount": Money}; 3 renamed it. */
    @EventType(name = "bank.Deposited", revision = 3)
    public record Deposited(Money amount, String reference) {}

    /** Revision 1 had "text". */
    @EventType(name = "notes.Noted", revision = 2)
    public record Noted(String body) {}

    /** Revision 1 of notes.Noted, in a release that reads ahead. */
    @EventType(name = "notes.Noted", revision = 1)
    public record NotedBefore(String text) {}

    static final EventMetadata META =
            EventMetadata.of("corr-7", CommandId.generate(), Instant.parse("2026-01-02T03:04:05Z"));

    /** Reshapes: the cents move into a nested amount with a currency, the legacy field is dropped. */
    static final JsonUpcaster NEST_AMOUNT = JsonUpcaster.of(
            "banking.MoneyDeposited",
            1,
            json -> Json.createObjectBuilder()
                    .add(
                            "amount",
                            Json.createObjectBuilder()
                                    .add("cents", json.getJsonNumber("cents").longValueExact())
                                    .add("currency", "EUR"))
                    .build());

    /** Renames the type and adds a field from the metadata. */
    public static final class RenameWithReference implements JsonUpcaster {
        @Override
        public String type() {
            return "banking.MoneyDeposited";
        }

        @Override
        public int revision() {
            return 2;
        }

        @Override
        public String targetType() {
            return "bank.Deposited";
        }

        @Override
        public JsonObject upcast(JsonObject json, EventMetadata metadata) {
            return Json.createObjectBuilder(json)
                    .add("reference", metadata.correlationId())
                    .build();
        }
    }

    /** Renames a field by a JSON Patch move. */
    static final JsonUpcaster TEXT_TO_BODY = JsonUpcaster.of(
            "notes.Noted",
            1,
            json -> Json.createPatchBuilder().move("/body", "/text").build().apply(json));

    static final EventTypeRegistry TYPES = EventTypeRegistry.builder()
            .register(Deposited.class)
            .register(Noted.class)
            .upcaster(NEST_AMOUNT)
            .upcaster(new RenameWithReference())
            .upcaster(TEXT_TO_BODY)
            .build();

    final JsonbEventSerializer serializer = JsonbEventSerializer.create(TYPES);

    static SerializedEvent stored(String type, int revision, String json) {
        return SerializedEvent.of(type, revision, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_two_step_chain_reshapes_removes_adds_from_metadata_and_renames_the_type() {
        Object read =
                serializer.deserialize(stored("banking.MoneyDeposited", 1, "{\"cents\":1050,\"legacy\":true}"), META);

        assertThat(read).isEqualTo(new Deposited(new Money(1050, "EUR"), "corr-7"));
    }

    @Test
    void a_middle_revision_runs_only_the_steps_after_it() {
        Object read = serializer.deserialize(
                stored("banking.MoneyDeposited", 2, "{\"amount\":{\"cents\":5,\"currency\":\"CHF\"}}"), META);

        assertThat(read).isEqualTo(new Deposited(new Money(5, "CHF"), "corr-7"));
    }

    @Test
    void the_current_form_is_read_without_steps_and_written_under_the_new_name_and_revision() {
        Deposited event = new Deposited(new Money(1, "EUR"), "r");
        SerializedEvent written = serializer.serialize(event);

        assertThat(written.type()).isEqualTo("bank.Deposited");
        assertThat(written.revision()).isEqualTo(3);
        assertThat(serializer.deserialize(written, META)).isEqualTo(event);
    }

    @Test
    void a_field_renamed_by_a_json_patch_move() {
        assertThat(serializer.deserialize(stored("notes.Noted", 1, "{\"text\":\"<b>hi</b>\"}"), META))
                .isEqualTo(new Noted("<b>hi</b>"));
    }

    @Test
    void a_failing_step_is_EC1514_naming_the_step_the_type_and_the_revision() {
        assertThatThrownBy(() -> serializer.deserialize(stored("banking.MoneyDeposited", 1, "{\"amount\":3}"), META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith(
                        "EC1514 Upcaster JsonUpcaster banking.MoneyDeposited@1 -> banking.MoneyDeposited@2"
                                + " (banking.MoneyDeposited 1 -> banking.MoneyDeposited 2) failed on a stored event of type"
                                + " banking.MoneyDeposited at revision 1: java.lang.NullPointerException");
    }

    @Test
    void a_step_that_returns_null_is_EC1514() {
        EventTypeRegistry types = EventTypeRegistry.builder()
                .register(Noted.class)
                .upcaster(JsonUpcaster.of("notes.Noted", 1, json -> null))
                .build();

        assertThatThrownBy(() -> JsonbEventSerializer.create(types)
                        .deserialize(stored("notes.Noted", 1, "{\"text\":\"x\"}"), META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageEndingWith("failed on a stored event of type notes.Noted at revision 1: it returned null");
    }

    @Test
    void stored_json_that_is_not_an_object_or_not_json_is_EC1508() {
        assertThatThrownBy(() -> serializer.deserialize(stored("notes.Noted", 1, "[1,2]"), META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessage("EC1508 Stored event of type notes.Noted (revision 1) is JSON ARRAY, not an object, so its"
                        + " upcasters cannot read it");
        assertThatThrownBy(() -> serializer.deserialize(stored("notes.Noted", 1, "{\"text\":"), META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1508 Stored event of type notes.Noted (revision 1) is not JSON, so its"
                        + " upcasters cannot read it");
    }

    /** A step on another form than JSON-P's. */
    record OnText(String type, int revision) implements EventUpcaster<String> {
        @Override
        public Class<String> form() {
            return String.class;
        }

        @Override
        public String upcast(String payload, EventMetadata metadata) {
            return payload;
        }
    }

    @Test
    void a_registry_with_a_step_on_another_form_is_refused_when_the_serializer_is_made_with_EC1515() {
        EventTypeRegistry types = EventTypeRegistry.builder()
                .register(Noted.class)
                .upcaster(new OnText("notes.Noted", 1))
                .build();

        assertThatThrownBy(() -> JsonbEventSerializer.create(types))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1515 Upcaster " + OnText.class.getName() + " (notes.Noted 1 -> notes.Noted 2) works on"
                        + " java.lang.String, but JsonbEventSerializer gives upcasters a jakarta.json.JsonObject:"
                        + " implement JsonUpcaster, or use a serializer for that form");
    }

    @Test
    void a_release_that_reads_ahead_reads_the_next_revision_while_writing_its_own() {
        EventTypeRegistry before = EventTypeRegistry.builder()
                .register(NotedBefore.class)
                .upcaster(EventUpcaster.readAhead(JsonUpcaster.of(
                        "notes.Noted",
                        2,
                        json -> Json.createPatchBuilder()
                                .move("/text", "/body")
                                .build()
                                .apply(json))))
                .build();
        JsonbEventSerializer releaseOne = JsonbEventSerializer.create(before);

        SerializedEvent writtenByNext = serializer.serialize(new Noted("next"));
        assertThat(releaseOne.deserialize(writtenByNext, META)).isEqualTo(new NotedBefore("next"));
        SerializedEvent writtenByItself = releaseOne.serialize(new NotedBefore("own"));
        assertThat(writtenByItself.revision()).isEqualTo(1);
        assertThat(serializer.deserialize(writtenByItself, META)).isEqualTo(new Noted("own"));

        // a release without the read-ahead step refuses the newer revision, never misreads it
        JsonbEventSerializer old = JsonbEventSerializer.create(
                EventTypeRegistry.builder().register(NotedBefore.class).build());
        assertThatThrownBy(() -> old.deserialize(writtenByNext, META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith(
                        "EC1507 Stored event of type notes.Noted has revision 2, newer than revision 1 of "
                                + NotedBefore.class.getName());
    }
}
