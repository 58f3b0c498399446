package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdentifiersTest {

    @Test
    void a_valid_identifier_has_no_problem() {
        assertThat(Identifiers.problem("a b 😀", 5)).isEmpty();
    }

    @Test
    void the_problem_names_the_first_bad_character_and_its_index() {
        assertThat(Identifiers.problem("ok\u0001\u0002", 10))
                .contains("it contains the control character U+0001 at index 2");
        assertThat(Identifiers.problem("😀\uDC00", 10)).contains("it contains an unpaired surrogate U+DC00 at index 2");
    }

    @Test
    void the_length_limit_counts_code_points_not_chars() {
        assertThat(Identifiers.problem("😀😀", 2)).isEmpty();
        assertThat(Identifiers.problem("😀😀😀", 2)).contains("it is 3 characters long, more than 2");
    }

    @Test
    void quote_escapes_quotes_backslashes_controls_and_surrogates() {
        assertThat(Identifiers.quote("a\"b\\c\nd😀")).isEqualTo("\"a\\\"b\\\\c\\u000Ad\\uD83D\\uDE00\"");
    }

    @Test
    void quote_shows_at_most_80_chars_and_the_full_length() {
        String quoted = Identifiers.quote("q".repeat(81));

        assertThat(quoted).isEqualTo("\"" + "q".repeat(80) + "\"... (81 chars)");
        assertThat(Identifiers.quote("q".repeat(80))).isEqualTo("\"" + "q".repeat(80) + "\"");
    }

    @Test
    void an_unpaired_surrogate_is_described_with_its_index() {
        assertThat(Identifiers.unpairedSurrogate("ab\udc00")).contains("an unpaired surrogate U+DC00 at index 2");
        assertThat(Identifiers.unpairedSurrogate("\ud83d\ude00")).isEmpty();
    }

    @Test
    void unpaired_surrogates_are_found_and_pairs_are_not() {
        assertThat(Identifiers.unpairedSurrogateAt("plain")).isEqualTo(-1);
        assertThat(Identifiers.unpairedSurrogateAt("\ud83d\ude00 pair")).isEqualTo(-1);
        assertThat(Identifiers.unpairedSurrogateAt("a\ud800")).isEqualTo(1);
        assertThat(Identifiers.unpairedSurrogateAt("ab\udc00\ud800")).isEqualTo(2);
        assertThat(Identifiers.unpairedSurrogateAt("\ud83d\ude00\ude00")).isEqualTo(2);
        assertThat(Identifiers.unpairedSurrogateAt("\ud800x")).isZero();
    }
}
