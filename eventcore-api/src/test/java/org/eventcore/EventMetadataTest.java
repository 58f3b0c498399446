package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventMetadataTest {

    static final CommandId CAUSE = CommandId.of("cmd-1");
    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    static Map<String, String> entries(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> "key-" + i, i -> "v" + i));
    }

    static EventMetadata withCustom(Map<String, String> custom) {
        return new EventMetadata("corr-1", CAUSE, Optional.empty(), TIME, custom);
    }

    @Test
    void of_has_no_user_and_no_custom_entries() {
        EventMetadata metadata = EventMetadata.of("corr-1", CAUSE, TIME);

        assertThat(metadata.correlationId()).isEqualTo("corr-1");
        assertThat(metadata.causationId()).isEqualTo(CAUSE);
        assertThat(metadata.user()).isEmpty();
        assertThat(metadata.time()).isEqualTo(TIME);
        assertThat(metadata.custom()).isEmpty();
    }

    @Test
    void sixty_four_custom_entries_are_accepted_and_sixty_five_refused_with_EC1006() {
        assertThat(withCustom(entries(64)).custom()).hasSize(64);
        assertThatThrownBy(() -> withCustom(entries(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1006 Too many custom metadata entries: 65, at most 64 are allowed");
    }

    @Test
    void a_custom_value_of_4096_characters_is_accepted_and_4097_refused_with_EC1006() {
        assertThat(withCustom(Map.of("k", "v".repeat(4096))).custom().get("k")).hasSize(4096);
        assertThatThrownBy(() -> withCustom(Map.of("k", "v".repeat(4097))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1006 Custom metadata value for key \"k\" is 4097 characters long, more than 4096");
    }

    @Test
    void a_control_character_in_a_custom_key_is_refused_with_EC1006() {
        assertThatThrownBy(() -> withCustom(Map.of("ten\tant", "acme")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1006 Invalid custom metadata key \"ten\\u0009ant\": it contains the control character"
                        + " U+0009 at index 3");
    }

    @Test
    void a_custom_value_with_an_unpaired_surrogate_is_refused_with_EC1006_and_control_characters_are_kept() {
        assertThatThrownBy(() -> withCustom(Map.of("k", "ab\udc00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1006 Custom metadata value for key \"k\" contains an unpaired surrogate U+DC00 at"
                        + " index 2: it is not valid Unicode and could not be stored unchanged");
        assertThat(withCustom(Map.of("k", "tab\tnul\u0000 \ud83d\ude00")).custom())
                .containsEntry("k", "tab\tnul\u0000 \ud83d\ude00");
    }

    @Test
    void a_null_custom_value_is_refused_with_EC1006() {
        Map<String, String> custom = new HashMap<>();
        custom.put("k", null);

        assertThatThrownBy(() -> withCustom(custom))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1006 Custom metadata value for key \"k\" is null");
    }

    @Test
    void a_single_custom_entry_is_copied_and_unmodifiable() {
        Map<String, String> given = new HashMap<>();
        given.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        EventMetadata metadata = withCustom(given);
        given.put("traceparent", "changed");
        given.put("late", "4");

        assertThat(metadata.custom())
                .containsExactly(Map.entry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThatThrownBy(() -> metadata.custom().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> withCustom(Map.of("", "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1006");
    }

    @Test
    void custom_entries_are_sorted_by_key_copied_and_unmodifiable() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("zeta", "1");
        given.put("alpha", "2");
        given.put("mid", "3");

        EventMetadata metadata = withCustom(given);
        given.put("late", "4");

        assertThat(metadata.custom().keySet()).containsExactly("alpha", "mid", "zeta");
        assertThatThrownBy(() -> metadata.custom().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> metadata.custom().remove("alpha")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void with_adds_or_replaces_one_entry_and_keeps_the_original_unchanged() {
        EventMetadata original = withCustom(Map.of("b", "1"));

        EventMetadata changed = original.with("a", "2").with("b", "3");

        assertThat(changed.custom()).containsExactly(Map.entry("a", "2"), Map.entry("b", "3"));
        assertThat(original.custom()).containsExactly(Map.entry("b", "1"));
    }

    @Test
    void with_user_sets_the_user_and_an_invalid_user_is_refused() {
        assertThat(EventMetadata.of("c", CAUSE, TIME).withUser("alice").user()).contains("alice");
        assertThatThrownBy(() -> EventMetadata.of("c", CAUSE, TIME).withUser("al\nice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1006 Invalid user \"al\\u000Aice\"");
    }

    @Test
    void missing_components_are_refused_with_EC1006() {
        assertThatThrownBy(() -> EventMetadata.of(null, CAUSE, TIME)).hasMessage("EC1006 Invalid correlation id: null");
        assertThatThrownBy(() -> EventMetadata.of("", CAUSE, TIME))
                .hasMessage("EC1006 Invalid correlation id \"\": it is empty");
        assertThatThrownBy(() -> EventMetadata.of("c", null, TIME)).hasMessage("EC1006 causation id must not be null");
        assertThatThrownBy(() -> EventMetadata.of("c", CAUSE, null)).hasMessage("EC1006 time must not be null");
        assertThatThrownBy(() -> new EventMetadata("c", CAUSE, null, TIME, Map.of()))
                .hasMessage("EC1006 user must not be null; use Optional.empty()");
        assertThatThrownBy(() -> new EventMetadata("c", CAUSE, Optional.empty(), TIME, null))
                .hasMessage("EC1006 custom metadata must not be null; use Map.of()");
    }

    @Test
    void a_correlation_id_longer_than_128_characters_is_refused() {
        assertThat(EventMetadata.of("c".repeat(128), CAUSE, TIME).correlationId())
                .hasSize(128);
        assertThatThrownBy(() -> EventMetadata.of("c".repeat(129), CAUSE, TIME))
                .hasMessageEndingWith("it is 129 characters long, more than 128");
    }
}
