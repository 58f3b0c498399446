package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Properties of {@link StreamId} (jqwik; kept apart from the Jupiter tests so both get their own report). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamIdPropertiesTest {

    @Property
    void any_string_that_of_accepts_keeps_its_value(@ForAll String text) {
        StreamId id;
        try {
            id = StreamId.of(text);
        } catch (InvalidStreamIdException refused) {
            assertThat(refused).hasMessageStartingWith("EC1001");
            return;
        }
        assertThat(id.value()).isEqualTo(text);
    }

    @Property
    void of_accepts_exactly_the_non_blank_texts_of_1_to_255_code_points_without_controls_or_lone_surrogates(
            @ForAll("tricky") String text) {
        boolean expected = isValidStreamId(text);

        boolean accepted;
        try {
            accepted = StreamId.of(text).value().equals(text);
        } catch (InvalidStreamIdException refused) {
            assertThat(refused.getMessage()).startsWith("EC1001 Invalid stream id \"");
            accepted = false;
        }

        assertThat(accepted).as("accepted %s", escape(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> tricky() {
        Arbitrary<String> pieces = Arbitraries.of(
                "a", "Z", "7", " ", "\t", "\n", "\u0000", "\u007f", "\u0085", ";", "'", "\"", "\\", "é", "日", "😀",
                "\uD83D", "\uDE00", "\u2003");
        Arbitrary<String> shortOnes = pieces.list().ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> longOnes = Arbitraries.integers()
                .between(250, 260)
                .flatMap(n -> Arbitraries.of("a", "😀", "é").map(p -> p.repeat(n)));
        return Arbitraries.oneOf(shortOnes, shortOnes, longOnes);
    }

    private static boolean isValidStreamId(String s) {
        if (s.isBlank() || s.codePointCount(0, s.length()) > 255) {
            return false;
        }
        return s.codePoints()
                .noneMatch(cp ->
                        Character.isISOControl(cp) || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
    }

    private static String escape(String s) {
        return s.length() + " chars: "
                + s.chars()
                        .limit(40)
                        .mapToObj(c -> Character.isISOControl(c) || Character.isSurrogate((char) c)
                                ? String.format("\\u%04X", c)
                                : String.valueOf((char) c))
                        .collect(Collectors.joining());
    }
}
