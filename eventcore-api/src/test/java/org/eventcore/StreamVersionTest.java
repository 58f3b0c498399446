package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StreamVersionTest {

    @Test
    void none_is_version_zero_and_of_zero_returns_it() {
        assertThat(StreamVersion.NONE.value()).isZero();
        assertThat(StreamVersion.NONE.isNone()).isTrue();
        assertThat(StreamVersion.of(0)).isSameAs(StreamVersion.NONE);
        assertThat(StreamVersion.of(1).isNone()).isFalse();
    }

    @Test
    void a_negative_version_is_refused_with_EC1003() {
        assertThatThrownBy(() -> StreamVersion.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1003 Stream version must be zero or more, was -1");
    }

    @Test
    void next_counts_up_by_one() {
        assertThat(StreamVersion.NONE.next()).isEqualTo(StreamVersion.of(1));
        assertThat(StreamVersion.of(41).next().value()).isEqualTo(42);
    }

    @Test
    void versions_are_ordered_by_number_and_print_as_the_number() {
        List<StreamVersion> sorted = List.of(StreamVersion.of(10), StreamVersion.NONE, StreamVersion.of(2)).stream()
                .sorted()
                .toList();

        assertThat(sorted).containsExactly(StreamVersion.NONE, StreamVersion.of(2), StreamVersion.of(10));
        assertThat(StreamVersion.of(7)).hasToString("7");
    }
}
