package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryPolicyTest {

    /** A random source that always draws the same double. */
    record FixedRandom(double value) implements RandomGenerator {
        @Override
        public double nextDouble() {
            return value;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextDouble is expected");
        }
    }

    static final RandomGenerator NO_JITTER_DRAW = new FixedRandom(0.0);

    final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), 2.0, Duration.ofMillis(100), 0.0);

    @Test
    void the_default_is_eight_attempts_from_5_ms_doubling_up_to_1_s_with_half_jitter() {
        assertThat(RetryPolicy.DEFAULT)
                .isEqualTo(new RetryPolicy(8, Duration.ofMillis(5), 2.0, Duration.ofSeconds(1), 0.5));
    }

    @Test
    void the_default_time_limit_is_30_seconds_and_can_be_changed() {
        assertThat(RetryPolicy.DEFAULT.timeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.DEFAULT.withTimeLimit(Duration.ofSeconds(2)).timeLimit())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.DEFAULT
                        .withTimeLimit(Duration.ofSeconds(2))
                        .withMaxAttempts(3)
                        .timeLimit())
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_time_limit_of_zero_or_less_is_refused_with_EC1020() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withTimeLimit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1020 RetryPolicy.timeLimit must be more than zero, was PT0S");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withTimeLimit(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1020 RetryPolicy.timeLimit");
    }

    @Test
    void none_has_exactly_one_attempt_and_no_delay() {
        RetryPolicy none = RetryPolicy.none();

        assertThat(none.maxAttempts()).isEqualTo(1);
        assertThat(none.baseDelay()).isZero();
        assertThat(none.maxDelay()).isZero();
        assertThat(none.delayBefore(2, new FixedRandom(0.5))).isZero();
    }

    @Test
    void there_is_no_delay_before_the_first_attempt() {
        assertThat(policy.delayBefore(1, NO_JITTER_DRAW)).isZero();
        assertThat(policy.delayBefore(0, NO_JITTER_DRAW)).isZero();
    }

    @Test
    void the_delay_starts_at_the_base_and_grows_by_the_multiplier_until_capped_at_the_maximum() {
        assertThat(policy.delayBefore(2, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(10));
        assertThat(policy.delayBefore(3, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(20));
        assertThat(policy.delayBefore(4, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(40));
        assertThat(policy.delayBefore(5, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(80));
        assertThat(policy.delayBefore(6, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBefore(60, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBefore(5000, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void jitter_takes_off_the_drawn_fraction_of_the_jitter_share() {
        RetryPolicy jittered = policy.withJitter(0.5);

        assertThat(jittered.delayBefore(2, new FixedRandom(0.0))).isEqualTo(Duration.ofMillis(10));
        assertThat(jittered.delayBefore(2, new FixedRandom(0.5))).isEqualTo(Duration.ofNanos(7_500_000));
        assertThat(jittered.delayBefore(6, new FixedRandom(0.5))).isEqualTo(Duration.ofMillis(75));
        assertThat(jittered.delayBefore(6, new FixedRandom(Math.nextDown(1.0))))
                .isGreaterThanOrEqualTo(Duration.ofMillis(50))
                .isLessThan(Duration.ofNanos(50_000_001));
    }

    @Test
    void full_jitter_can_draw_a_delay_close_to_zero() {
        assertThat(policy.withJitter(1.0).delayBefore(3, new FixedRandom(0.75))).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void a_maximum_delay_beyond_the_nanosecond_range_caps_nothing_and_does_not_overflow() {
        RetryPolicy unbounded = policy.withMaxDelay(ChronoUnit.FOREVER.getDuration());

        assertThat(unbounded.delayBefore(2, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(10));
        assertThat(unbounded.delayBefore(6, NO_JITTER_DRAW)).isEqualTo(Duration.ofMillis(160));
        assertThat(unbounded.delayBefore(200, NO_JITTER_DRAW)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Test
    void max_attempts_below_one_is_refused_with_EC1020() {
        assertThatThrownBy(() -> policy.withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1020 RetryPolicy.maxAttempts must be at least 1, was 0");
    }

    @Test
    void a_negative_base_delay_is_refused_with_EC1020() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), 2.0, Duration.ofMillis(10), 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1020 RetryPolicy.baseDelay must not be negative, was PT-0.001S");
    }

    @Test
    void a_multiplier_below_one_or_not_finite_is_refused_with_EC1020() {
        assertThatThrownBy(() -> policy.withMultiplier(0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1020 RetryPolicy.multiplier must be at least 1, was 0.99");
        assertThatThrownBy(() -> policy.withMultiplier(Double.NaN))
                .hasMessage("EC1020 RetryPolicy.multiplier must be at least 1, was NaN");
        assertThatThrownBy(() -> policy.withMultiplier(Double.POSITIVE_INFINITY))
                .hasMessage("EC1020 RetryPolicy.multiplier must be at least 1, was Infinity");
    }

    @Test
    void a_maximum_delay_below_the_base_delay_is_refused_with_EC1020() {
        assertThatThrownBy(() -> policy.withMaxDelay(Duration.ofMillis(9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1020 RetryPolicy.maxDelay (PT0.009S) must not be less than baseDelay (PT0.01S)");
    }

    @Test
    void a_jitter_outside_zero_to_one_is_refused_with_EC1020() {
        assertThatThrownBy(() -> policy.withJitter(-0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1020 RetryPolicy.jitter must be between 0 and 1, was -0.01");
        assertThatThrownBy(() -> policy.withJitter(1.01))
                .hasMessage("EC1020 RetryPolicy.jitter must be between 0 and 1, was 1.01");
        assertThatThrownBy(() -> policy.withJitter(Double.NaN))
                .hasMessage("EC1020 RetryPolicy.jitter must be between 0 and 1, was NaN");
    }

    @Test
    void null_delays_are_refused() {
        assertThatThrownBy(() -> new RetryPolicy(1, null, 1.0, Duration.ZERO, 0.0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("baseDelay");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, 1.0, null, 0.0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("maxDelay");
    }

    @Test
    void raising_the_base_delay_above_the_maximum_raises_the_maximum_with_it() {
        RetryPolicy raised = policy.withBaseDelay(Duration.ofMillis(500));

        assertThat(raised.baseDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(raised.maxDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.withBaseDelay(Duration.ofMillis(1)).maxDelay()).isEqualTo(Duration.ofMillis(100));
    }
}
