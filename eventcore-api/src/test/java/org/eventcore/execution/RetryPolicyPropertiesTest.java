package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.eventcore.execution.RetryPolicyTest.FixedRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Properties of {@link RetryPolicy#delayBefore}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryPolicyPropertiesTest {

    final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), 2.0, Duration.ofMillis(100), 0.0);

    @Property
    void a_delay_always_lies_between_the_jittered_floor_and_the_capped_delay(
            @ForAll @IntRange(min = 2, max = 200) int attempt,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double draw,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double jitter) {
        RetryPolicy p = policy.withJitter(jitter);
        long capped = Math.min(100_000_000L, (long) (10_000_000L * Math.pow(2.0, attempt - 2)));

        long nanos = p.delayBefore(attempt, new FixedRandom(draw)).toNanos();

        assertThat(nanos).isLessThanOrEqualTo(capped);
        assertThat(nanos).isGreaterThanOrEqualTo((long) (capped * (1.0 - jitter)) - 1);
    }
}
