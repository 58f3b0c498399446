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
class GlobalPositionTest {

    @Test
    void start_is_epoch_zero_offset_zero_and_both_factories_return_it() {
        GlobalPosition start = GlobalPosition.start();

        assertThat(start.isStart()).isTrue();
        assertThat(start.epoch()).isZero();
        assertThat(start.offset()).isZero();
        assertThat(GlobalPosition.of(0)).isSameAs(start);
        assertThat(GlobalPosition.of(0, 0)).isSameAs(start);
        assertThat(GlobalPosition.of(0, 1).isStart()).isFalse();
        assertThat(GlobalPosition.of(1, 0).isStart()).isFalse();
    }

    @Test
    void positions_are_ordered_by_epoch_first_then_offset() {
        List<GlobalPosition> sorted = List.of(
                        GlobalPosition.of(2, 1),
                        GlobalPosition.of(1, 0),
                        GlobalPosition.of(0, 999),
                        GlobalPosition.of(2, 0),
                        GlobalPosition.start())
                .stream()
                .sorted()
                .toList();

        assertThat(sorted)
                .containsExactly(
                        GlobalPosition.start(),
                        GlobalPosition.of(999),
                        GlobalPosition.of(1, 0),
                        GlobalPosition.of(2, 0),
                        GlobalPosition.of(2, 1));
    }

    @Test
    void a_single_number_position_encodes_as_the_number_and_a_two_number_position_as_epoch_dot_offset() {
        assertThat(GlobalPosition.of(42).encode()).isEqualTo("42");
        assertThat(GlobalPosition.of(3, 7).encode()).isEqualTo("3.7");
        assertThat(GlobalPosition.of(3, 0).encode()).isEqualTo("3.0");
        assertThat(GlobalPosition.start().encode()).isEqualTo("0");
        assertThat(GlobalPosition.of(3, 7)).hasToString("3.7");
    }

    @Test
    void decode_reads_back_what_encode_wrote() {
        assertThat(GlobalPosition.decode("42")).isEqualTo(GlobalPosition.of(42));
        assertThat(GlobalPosition.decode("3.7")).isEqualTo(GlobalPosition.of(3, 7));
        assertThat(GlobalPosition.decode("0")).isSameAs(GlobalPosition.start());
        assertThat(GlobalPosition.decode(String.valueOf(Long.MAX_VALUE)).offset())
                .isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "1.",
                ".1",
                "1.2.3",
                "1.x",
                "12 ",
                " 12",
                "1,2",
                "99999999999999999999",
                "+5",
                "0.5",
                "007",
                "-5",
                "3.-1",
                "9999999999999999999"
            })
    void decode_refuses_garbage_with_EC1004_and_quotes_it(String garbage) {
        assertThatThrownBy(() -> GlobalPosition.decode(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1004 Not an encoded global position: \"" + garbage + "\"");
    }

    @Test
    void negative_parts_are_refused_with_EC1004() {
        assertThatThrownBy(() -> GlobalPosition.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1004 Global position parts must be zero or more, were 0 and -1");
        assertThatThrownBy(() -> GlobalPosition.of(-2, 3))
                .hasMessage("EC1004 Global position parts must be zero or more, were -2 and 3");
    }

    @Test
    void equal_positions_have_equal_hash_codes_and_different_ones_are_not_equal() {
        assertThat(GlobalPosition.of(5, 6))
                .isEqualTo(GlobalPosition.of(5, 6))
                .hasSameHashCodeAs(GlobalPosition.of(5, 6));
        assertThat(GlobalPosition.of(5, 6)).isNotEqualTo(GlobalPosition.of(6, 5));
        assertThat(GlobalPosition.of(0, 6)).isEqualTo(GlobalPosition.of(6));
    }
}
