package org.eventcore.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SerializedEventTest {

    @Test
    void the_bytes_are_copied_in_and_out() {
        byte[] given = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        SerializedEvent event = SerializedEvent.of("t", 1, given);

        given[0] = 'X';
        byte[] out = event.data();
        out[1] = 'Y';

        assertThat(new String(event.data(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(event.size()).isEqualTo(7);
    }

    @Test
    void equality_is_by_type_revision_and_byte_content() {
        SerializedEvent event = SerializedEvent.of("t", 1, new byte[] {1, 2});

        assertThat(event).isEqualTo(SerializedEvent.of("t", 1, new byte[] {1, 2}));
        assertThat(event).hasSameHashCodeAs(SerializedEvent.of("t", 1, new byte[] {1, 2}));
        assertThat(event).isNotEqualTo(SerializedEvent.of("t", 2, new byte[] {1, 2}));
        assertThat(event).isNotEqualTo(SerializedEvent.of("u", 1, new byte[] {1, 2}));
        assertThat(event).isNotEqualTo(SerializedEvent.of("t", 1, new byte[] {1, 3}));
        assertThat(event).hasToString("t@1 (2 bytes)");
    }
}
