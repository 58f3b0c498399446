package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Properties of {@link GlobalPosition}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GlobalPositionPropertiesTest {

    @Property
    void encode_then_decode_is_the_identity(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long epoch,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long offset) {
        GlobalPosition position = GlobalPosition.of(epoch, offset);

        GlobalPosition decoded = GlobalPosition.decode(position.encode());

        assertThat(decoded).isEqualTo(position);
        assertThat(decoded.epoch()).isEqualTo(epoch);
        assertThat(decoded.offset()).isEqualTo(offset);
    }

    @Property
    void order_is_lexicographic_on_epoch_and_offset(
            @ForAll @LongRange(min = 0, max = 3) long e1,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long o1,
            @ForAll @LongRange(min = 0, max = 3) long e2,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long o2) {
        int expected = e1 != e2 ? Long.compare(e1, e2) : Long.compare(o1, o2);

        int actual = GlobalPosition.of(e1, o1).compareTo(GlobalPosition.of(e2, o2));

        assertThat(Integer.signum(actual)).isEqualTo(Integer.signum(expected));
    }
}
