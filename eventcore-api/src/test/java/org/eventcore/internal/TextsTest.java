package org.eventcore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TextsTest {

    @Test
    void a_valid_identifier_has_no_problem() {
        assertThat(Texts.problemWithIdentifier("a b 😀", 5)).isNull();
    }

    @Test
    void the_problem_names_the_first_bad_character_and_its_index() {
        assertThat(Texts.problemWithIdentifier("ok\u0001\u0002", 10))
                .isEqualTo("it contains the control character U+0001 at index 2");
        assertThat(Texts.problemWithIdentifier("😀\uDC00", 10))
                .isEqualTo("it contains an unpaired surrogate U+DC00 at index 2");
    }

    @Test
    void the_length_limit_counts_code_points_not_chars() {
        assertThat(Texts.problemWithIdentifier("😀😀", 2)).isNull();
        assertThat(Texts.problemWithIdentifier("😀😀😀", 2)).isEqualTo("it is 3 characters long, more than 2");
    }

    @Test
    void quote_escapes_quotes_backslashes_controls_and_surrogates() {
        assertThat(Texts.quote("a\"b\\c\nd😀")).isEqualTo("\"a\\\"b\\\\c\\u000Ad\\uD83D\\uDE00\"");
    }

    @Test
    void quote_shows_at_most_80_chars_and_the_full_length() {
        String quoted = Texts.quote("q".repeat(81));

        assertThat(quoted).isEqualTo("\"" + "q".repeat(80) + "\"... (81 chars)");
        assertThat(Texts.quote("q".repeat(80))).isEqualTo("\"" + "q".repeat(80) + "\"");
    }

    @Test
    void unpaired_surrogates_are_found_and_pairs_are_not() {
        assertThat(Texts.unpairedSurrogateAt("plain")).isEqualTo(-1);
        assertThat(Texts.unpairedSurrogateAt("\ud83d\ude00 pair")).isEqualTo(-1);
        assertThat(Texts.unpairedSurrogateAt("a\ud800")).isEqualTo(1);
        assertThat(Texts.unpairedSurrogateAt("ab\udc00\ud800")).isEqualTo(2);
        assertThat(Texts.unpairedSurrogateAt("\ud83d\ude00\ude00")).isEqualTo(2);
        assertThat(Texts.unpairedSurrogateAt("\ud800x")).isZero();
    }
}
