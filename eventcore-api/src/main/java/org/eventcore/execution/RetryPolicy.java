package org.eventcore.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the executor retries a command after a conflict or a transient store failure: at most
 * {@code maxAttempts} attempts in all, waiting before attempt n (n &ge; 2)
 * {@code min(maxDelay, baseDelay * multiplier^(n-2))}, of which a random fraction up to
 * {@code jitter} is taken off so that competing commands spread out. Business-rule rejections are
 * never retried.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.DEFAULT.withMaxAttempts(10).withBaseDelay(Duration.ofMillis(2));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param baseDelay the wait before the second attempt, zero or more
 * @param multiplier the growth of the wait per attempt, at least 1
 * @param maxDelay the longest wait, at least {@code baseDelay}
 * @param jitter the largest fraction of a wait taken off at random, 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, double multiplier, Duration maxDelay, double jitter) {

    /** 8 attempts, 5 ms doubling up to 1 s, half jitter. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(5), 2.0, Duration.ofSeconds(1), 0.5);

    private static final Duration LONGEST_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * @throws IllegalArgumentException if a component is out of range; the message names it
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("EC1020 RetryPolicy.maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("EC1020 RetryPolicy.baseDelay must not be negative, was " + baseDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("EC1020 RetryPolicy.multiplier must be at least 1, was " + multiplier);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("EC1020 RetryPolicy.maxDelay (" + maxDelay
                    + ") must not be less than baseDelay (" + baseDelay + ")");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("EC1020 RetryPolicy.jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0);
    }

    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter);
    }

    public RetryPolicy withBaseDelay(Duration baseDelay) {
        return new RetryPolicy(
                maxAttempts, baseDelay, multiplier, maxDelay.compareTo(baseDelay) < 0 ? baseDelay : maxDelay, jitter);
    }

    public RetryPolicy withMultiplier(double multiplier) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter);
    }

    public RetryPolicy withMaxDelay(Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter);
    }

    public RetryPolicy withJitter(double jitter) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter);
    }

    /**
     * The wait before attempt {@code attempt} (2 for the first retry), with jitter drawn from
     * {@code random}.
     */
    public Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        double nanos = nanosOf(baseDelay) * Math.pow(multiplier, attempt - 2);
        double capped = Math.min(nanos, nanosOf(maxDelay));
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }

    /** The duration in nanoseconds, saturated at {@code Long.MAX_VALUE} (about 292 years) instead of overflowing. */
    private static long nanosOf(Duration duration) {
        return duration.compareTo(LONGEST_NANOS) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }
}
