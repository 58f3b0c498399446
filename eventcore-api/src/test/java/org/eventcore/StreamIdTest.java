package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamIdTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "account-42",
                "x",
                "it's \"quoted\"",
                "a'; DROP TABLE events; --",
                "back\\slash\\",
                "Zürich Straße ñ",
                "Ελληνικά-日本語-العربية",
                "emoji 😀🎉 with pairs",
                " leading and trailing spaces ",
                "tab-free but % and $ and {braces}"
            })
    void a_valid_id_keeps_its_text_unchanged(String text) {
        StreamId id = StreamId.of(text);

        assertThat(id.value()).isEqualTo(text);
        assertThat(id.toString()).isEqualTo(text);
        assertThat(id).isEqualTo(new StreamId(text)).hasSameHashCodeAs(new StreamId(text));
    }

    @Test
    void an_id_of_255_code_points_is_accepted_even_when_they_are_surrogate_pairs() {
        String emoji = "😀".repeat(255);

        assertThat(emoji).hasSize(510);
        assertThat(StreamId.of(emoji).value()).isEqualTo(emoji);
        assertThat(StreamId.of("a".repeat(255)).value()).hasSize(255);
    }

    @Test
    void an_id_of_256_code_points_is_refused_and_the_message_counts_code_points() {
        assertRefused("a".repeat(256), "it is 256 characters long, more than 255");
        assertRefused("😀".repeat(256), "it is 256 characters long, more than 255");
    }

    @Test
    void null_is_refused_with_EC1001() {
        assertThatThrownBy(() -> StreamId.of(null))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessage("EC1001 Invalid stream id: null. Pass a non-blank text such as \"account-42\".");
    }

    @Test
    void an_empty_id_is_refused_and_the_message_quotes_it() {
        assertThatThrownBy(() -> StreamId.of(""))
                .isInstanceOf(InvalidStreamIdException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1001 Invalid stream id \"\": it is empty. A stream id is 1 to 255 characters without"
                        + " control characters, for example \"account-42\".");
    }

    @Test
    void a_blank_id_is_refused() {
        assertRefused("   ", "\"   \": it is blank");
        assertRefused("\u2003", "it is blank");
    }

    @Test
    void a_stream_id_with_a_newline_is_refused_and_the_message_names_it_escaped() {
        assertRefused("account\n42", "\"account\\u000A42\": it contains the control character U+000A at index 7");
    }

    @Test
    void a_stream_id_with_a_nul_character_is_refused_and_the_message_names_it() {
        assertRefused("\u0000account", "\"\\u0000account\": it contains the control character U+0000 at index 0");
    }

    @Test
    void a_stream_id_with_a_delete_character_is_refused_and_the_message_names_it() {
        assertRefused("account\u007f", "\"account\\u007F\": it contains the control character U+007F at index 7");
    }

    @Test
    void an_unpaired_high_surrogate_is_refused() {
        assertRefused("ab\uD83D", "\"ab\\uD83D\": it contains an unpaired surrogate U+D83D at index 2");
    }

    @Test
    void an_unpaired_low_surrogate_and_a_reversed_pair_are_refused() {
        assertRefused("\uDE00ab", "it contains an unpaired surrogate U+DE00 at index 0");
        assertRefused("x\uDE00\uD83D", "it contains an unpaired surrogate U+DE00 at index 1");
    }

    @Test
    void a_quote_or_backslash_in_a_refused_id_is_escaped_in_the_message() {
        assertRefused("say \"hi\"\\\n", "\"say \\\"hi\\\"\\\\\\u000A\"");
    }

    @Test
    void a_10_kb_id_is_shortened_in_the_message() {
        String huge = "y".repeat(10_240);

        assertThatThrownBy(() -> StreamId.of(huge))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageStartingWith("EC1001 Invalid stream id \"" + "y".repeat(80) + "\"... (10240 chars)")
                .hasMessageContaining("it is 10240 characters long, more than 255")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void ids_are_ordered_by_their_text() {
        List<StreamId> sorted = List.of("b", "a-2", "a-10", "B").stream()
                .map(StreamId::of)
                .sorted()
                .toList();

        assertThat(sorted).extracting(StreamId::value).containsExactly("B", "a-10", "a-2", "b");
    }

    private static void assertRefused(String input, String messageFragment) {
        assertThatThrownBy(() -> StreamId.of(input))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageStartingWith("EC1001 Invalid stream id \"")
                .hasMessageContaining(messageFragment);
    }
}
