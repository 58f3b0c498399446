package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandIdTest {

    @Test
    void a_caller_key_is_kept_verbatim() {
        CommandId id = CommandId.of("Idempotency-Key: 5f1c-Ü");

        assertThat(id.value()).isEqualTo("Idempotency-Key: 5f1c-Ü");
        assertThat(id).hasToString("Idempotency-Key: 5f1c-Ü").isEqualTo(new CommandId("Idempotency-Key: 5f1c-Ü"));
    }

    @Test
    void a_generated_id_is_the_text_of_a_uuid_v7_and_differs_each_time() {
        CommandId first = CommandId.generate();
        CommandId second = CommandId.generate();

        assertThat(UUID.fromString(first.value()).version()).isEqualTo(7);
        assertThat(first.value()).isEqualTo(UUID.fromString(first.value()).toString());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void an_id_of_128_characters_is_accepted_and_129_refused_with_EC1005() {
        assertThat(CommandId.of("k".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> CommandId.of("k".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1005 Invalid command id \"kkkk")
                .hasMessageEndingWith(": it is 129 characters long, more than 128");
    }

    @Test
    void null_blank_and_control_characters_are_refused_with_EC1005() {
        assertThatThrownBy(() -> CommandId.of(null)).hasMessage("EC1005 Invalid command id: null");
        assertThatThrownBy(() -> CommandId.of(" ")).hasMessage("EC1005 Invalid command id \" \": it is blank");
        assertThatThrownBy(() -> CommandId.of("a\rb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "EC1005 Invalid command id \"a\\u000Db\": it contains the control character U+000D at index 1");
    }
}
