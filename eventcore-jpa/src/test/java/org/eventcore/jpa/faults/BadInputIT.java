package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.eventcore.EventSerializationException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input that is not a stream id (see HostileInputPropertiesIT for those and for metadata): huge
 * payloads, deeply nested JSON and class names in stored rows. Each is stored and read back exactly,
 * or refused with an error that names the event, and nothing else is harmed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputIT {

    private final JpaEventStore store = TestDatabases.postgresStore("eventcore-hibernate");
    private final StoreFixture streams = StoreFixture.withPrefix("bad-input");

    /** Writes a row by hand as the admin, as a corrupted or forged row would look. */
    private static void insertRaw(StreamId stream, String type, byte[] payload) throws SQLException {
        try (Connection c = TestDatabases.adminConnection()) {
            TestDatabases.insertForgedRow(c, stream.value(), type, payload, "{}");
        }
    }

    @Test
    void a_payload_just_under_the_1_MiB_limit_is_stored_and_read_back_exactly() {
        StreamId s = streams.stream("huge");
        // 3 bytes per character in UTF-8, plus quotes and escapes: about 0.96 MiB of JSON
        String text = "\u6f22\"\\".repeat(110_000);
        ContractEvent huge = new ContractEvent(text, 1);
        StoreFixture.request().expect(s, 0).write(s, huge).appendTo(store);

        assertThat(StoreFixture.payloads(store, s)).containsExactly(huge);
    }

    @Test
    void a_payload_over_the_limit_is_refused_with_EC1506_and_nothing_of_its_command_is_written() {
        StreamId s = streams.stream("too-huge");
        StreamId other = streams.stream("too-huge-other");
        assertThatThrownBy(() -> StoreFixture.request()
                        .expect(s, 0)
                        .expect(other, 0)
                        .write(other, new ContractEvent("small", 1))
                        .write(s, new ContractEvent("x".repeat(JsonbEventSerializer.DEFAULT_MAX_PAYLOAD_BYTES), 2))
                        .appendTo(store))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("for stream " + s)
                .hasMessageContaining("EC1506");
        assertThat(StoreFixture.payloads(store, s)).isEmpty();
        assertThat(StoreFixture.payloads(store, other)).isEmpty();
    }

    @Test
    void a_stored_row_of_deeply_nested_json_fails_to_read_with_its_id_and_type_not_with_a_stack_overflow()
            throws SQLException {
        StreamId s = streams.stream("nested");
        String nested = "{\"text\":" + "[".repeat(200_000) + "]".repeat(200_000) + ",\"number\":1}";
        insertRaw(s, "eventcore.testkit.ContractEvent", nested.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.read(Set.of(s)))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining(
                        "(type eventcore.testkit.ContractEvent, stream " + s + ", version 1) cannot be read");
    }

    @Test
    void a_stored_row_naming_a_jdk_class_as_its_type_is_refused_as_unknown_and_nothing_is_instantiated(
            @TempDir Path folder) throws Exception {
        StreamId s = streams.stream("class-name");
        Path marker = folder.resolve("created-by-a-forged-row");
        String forged = "{\"command\":[\"touch\",\"" + marker + "\"],\"directory\":null}";
        insertRaw(s, "java.lang.ProcessBuilder", forged.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.read(Set.of(s)))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("EC1502 Unknown event type \"java.lang.ProcessBuilder\"");
        assertThat(marker).doesNotExist();
    }

    @Test
    void payload_text_that_looks_like_json_or_a_type_name_is_only_text() {
        StreamId s = streams.stream("looks-like-json");
        ContractEvent sly =
                new ContractEvent("{\"@type\":\"java.lang.ProcessBuilder\",\"command\":[\"id\"]}\u0000</script>", 7);
        StoreFixture.request().expect(s, 0).write(s, sly).appendTo(store);

        StoredEvent<Object> stored = StoreFixture.read(store, s).events().get(0);
        assertThat(stored.payload()).isEqualTo(sly);
    }
}
