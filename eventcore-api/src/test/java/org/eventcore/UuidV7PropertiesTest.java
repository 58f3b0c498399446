package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Properties of the UUIDv7 layout. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UuidV7PropertiesTest {

    static final long MAX_60_BITS = (1L << 60) - 1;

    @Property
    void every_built_uuid_is_a_valid_v7_that_keeps_its_timestamp_and_counter(
            @ForAll @LongRange(min = 0, max = MAX_60_BITS) long timestampAndCounter, @ForAll long random) {
        UUID uuid = UuidV7.build(timestampAndCounter, random);

        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(timestampAndCounter >>> 12);
        assertThat(uuid.getMostSignificantBits() & 0xFFF).isEqualTo(timestampAndCounter & 0xFFF);
        assertThat(uuid.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL).isEqualTo(random & 0x3FFF_FFFF_FFFF_FFFFL);
    }

    @Property
    void a_larger_timestamp_and_counter_gives_a_larger_id_whatever_the_random_bits(
            @ForAll @LongRange(min = 0, max = MAX_60_BITS - 1) long smaller,
            @ForAll @LongRange(min = 1, max = 1L << 40) long gap,
            @ForAll long random1,
            @ForAll long random2) {
        long larger = Math.min(MAX_60_BITS, smaller + gap);

        EventId first = EventId.of(UuidV7.build(smaller, random1));
        EventId second = EventId.of(UuidV7.build(larger, random2));

        assertThat(second).isGreaterThan(first);
    }
}
