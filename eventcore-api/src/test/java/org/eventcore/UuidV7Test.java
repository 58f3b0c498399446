package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UuidV7Test {

    @Test
    void the_layout_is_48_bits_of_millis_version_7_12_bits_of_counter_variant_2_and_62_random_bits() {
        long millis = 0x0192_F0C4_8C1EL;
        UUID uuid = UuidV7.build((millis << 12) | 0xABC, -1L);

        assertThat(uuid.getMostSignificantBits()).isEqualTo(0x0192_F0C4_8C1E_7ABCL);
        assertThat(uuid.getLeastSignificantBits()).isEqualTo(0xBFFF_FFFF_FFFF_FFFFL);
        assertThat(uuid).hasToString("0192f0c4-8c1e-7abc-bfff-ffffffffffff");
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void random_bits_never_touch_the_variant() {
        assertThat(UuidV7.build(1, 0L).getLeastSignificantBits()).isEqualTo(0x8000_0000_0000_0000L);
        assertThat(UuidV7.build(1, 0xC000_0000_0000_0001L).getLeastSignificantBits())
                .isEqualTo(0x8000_0000_0000_0001L);
    }

    @Test
    void a_counter_overflow_carries_into_the_milliseconds() {
        UUID last = UuidV7.build((5L << 12) | 0xFFF, 0);
        UUID next = UuidV7.build((5L << 12) + 0x1000, 0);

        assertThat(last.getMostSignificantBits() >>> 16).isEqualTo(5);
        assertThat(next.getMostSignificantBits() >>> 16).isEqualTo(6);
        assertThat(next.getMostSignificantBits() & 0xFFF).isZero();
        assertThat(EventId.of(next)).isGreaterThan(EventId.of(last));
    }

    @Test
    void next_is_always_later_than_the_previous_one() {
        UUID previous = UuidV7.next();
        UUID next = UuidV7.next();

        assertThat(EventId.of(next)).isGreaterThan(EventId.of(previous));
    }
}
